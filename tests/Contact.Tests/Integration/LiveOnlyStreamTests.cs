using Contact.Client;
using Contact.Tests.Support;
using Contact.V1;
using Grpc.Core;

namespace Contact.Tests.Integration;

/// <summary>
/// `live_only` on the Watch calls: no recorded history, only what is recorded after the response
/// headers (which the server sends once it is listening); and no resuming a position with it.
/// </summary>
public class LiveOnlyStreamTests : IAsyncLifetime
{
    private TestHost _host = null!;
    private ContactClient _nct = null!, _naccc = null!, _practitioner = null!;
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        _nct = await _host.ClientAsync(Role.NctOperator);
        _naccc = await _host.ClientAsync(Role.Naccc);
        _practitioner = await _host.ClientAsync(Role.Practitioner, fcaId: "fca-anna");
    }

    public async Task DisposeAsync()
    {
        _timeout.Dispose();
        await _host.DisposeAsync();
    }

    private Task<Centre> Suspend(Centre centre) => _naccc.Register.RecordAccreditationDecisionAsync(new RecordAccreditationDecisionRequest
    {
        Centre = centre.Name, Level = AccreditationLevel.Standard, Action = AccreditationAction.Suspend, Reason = "Safeguarding review",
    }).ResponseAsync;

    private Task<Concern> RaiseConcern(string description) => _practitioner.Concerns.RaiseConcernAsync(new RaiseConcernRequest
    {
        Concern = new Concern
        {
            Type = ConcernType.UnaccreditedOrganisation, Description = description,
            Organisation = new UnregisteredOrganisation { Name = "Happy Families Ltd", Address = "Market Street, Newark", Offers = "supervised contact" },
        },
    }).ResponseAsync;

    [Fact]
    public async Task Accreditation_changes_from_now_on_only()
    {
        var centre = await Referrals.AccreditedCentreAsync(_naccc, "Riverside Child Contact Centre", commissioned: true);   // two changes recorded
        using var watch = _nct.Register.WatchAccreditationChanges(new WatchAccreditationChangesRequest { LiveOnly = true }, cancellationToken: _timeout.Token);
        await watch.ResponseHeadersAsync;

        await Suspend(centre);
        Assert.True(await watch.ResponseStream.MoveNext(_timeout.Token));
        Assert.Equal(AccreditationAction.Suspend, watch.ResponseStream.Current.Change.Action);   // not the grants recorded before
    }

    [Fact]
    public async Task Concern_changes_from_now_on_only()
    {
        await RaiseConcern("Recorded before the stream opened.");
        using var watch = _nct.Concerns.WatchConcerns(new WatchConcernsRequest { LiveOnly = true }, cancellationToken: _timeout.Token);
        await watch.ResponseHeadersAsync;

        var raised = await RaiseConcern("Recorded after the stream opened.");
        Assert.True(await watch.ResponseStream.MoveNext(_timeout.Token));
        Assert.Equal(raised.Name, watch.ResponseStream.Current.Concern.Name);
    }

    [Fact]
    public async Task Referral_changes_from_now_on_only_so_no_childs_history_is_sent_unasked()
    {
        var centre = await Referrals.AccreditedCentreAsync(_naccc, "Riverside Child Contact Centre", commissioned: true);
        await _practitioner.Referrals.SubmitReferralAsync(new SubmitReferralRequest { Referral = Referrals.Valid(centre.Name) });
        using var watch = _nct.Referrals.WatchReferrals(new WatchReferralsRequest { LiveOnly = true }, cancellationToken: _timeout.Token);
        await watch.ResponseHeadersAsync;

        var later = Referrals.Valid(centre.Name);
        later.CaseNumber = "ZE26C00999";
        var submitted = await _practitioner.Referrals.SubmitReferralAsync(new SubmitReferralRequest { Referral = later });
        Assert.True(await watch.ResponseStream.MoveNext(_timeout.Token));
        Assert.Equal(submitted.Name, watch.ResponseStream.Current.Referral.Name);
    }

    [Fact]
    public async Task Live_only_with_a_position_to_resume_is_invalid_argument()
    {
        var error = await Refusal.Expect(StatusCode.InvalidArgument, async () =>
        {
            using var watch = _nct.Concerns.WatchConcerns(new WatchConcernsRequest { LiveOnly = true, AfterSequence = 5 }, cancellationToken: _timeout.Token);
            await watch.ResponseStream.MoveNext(_timeout.Token);
        });
        Assert.Equal("after_sequence", error.Fields.Single().Field);
    }
}
