using Contact.Client;
using Contact.Tests.Support;
using Contact.V1;
using Grpc.Core;

namespace Contact.Tests.Integration;

/// <summary>
/// A Watch* stream runs until the client closes it: that is its normal end, and its audit entry
/// says so and lists what it sent, rather than recording a failure.
/// </summary>
public class StreamAuditTests : IAsyncLifetime
{
    private TestHost _host = null!;
    private ContactClient _naccc = null!, _nct = null!, _practitioner = null!, _auditor = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        _naccc = await _host.ClientAsync(Role.Naccc);
        _nct = await _host.ClientAsync(Role.NctOperator);
        _practitioner = await _host.ClientAsync(Role.Practitioner, fcaId: "fca-anna");
        _auditor = await _host.ClientAsync(Role.Auditor);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>The entry of the one call to <paramref name="method"/>, once the server has written it.</summary>
    private async Task<AuditEntry> EntryOf(string method)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var entries = await _auditor.Audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { PageSize = 500 });
            var entry = entries.Entries.SingleOrDefault(e => e.Method == method);
            if (entry is not null) return entry;
            await Task.Delay(50, timeout.Token);
        }
    }

    [Fact]
    public async Task A_referral_watch_the_client_closes_is_recorded_as_a_normal_end_with_what_it_sent()
    {
        var centre = await Referrals.AccreditedCentreAsync(_naccc, "Stream Audit Centre", commissioned: true);
        var referral = await _practitioner.Referrals.SubmitReferralAsync(new SubmitReferralRequest { Referral = Referrals.Valid(centre.Name) });

        using (var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            using var watch = _nct.Referrals.WatchReferrals(new WatchReferralsRequest(), cancellationToken: cancel.Token);
            Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
            Assert.Equal(referral.Name, watch.ResponseStream.Current.Referral.Name);
            await cancel.CancelAsync();   // the client leaves
        }

        var entry = await EntryOf("/contact.v1.ReferralService/WatchReferrals");
        Assert.Equal(AuditOutcome.Ok, entry.Outcome);
        Assert.Equal("client closed the stream", entry.Detail);
        Assert.Contains(referral.Name, entry.Resources);
        Assert.Contains(referral.CaseNumber, entry.Cases);
    }

    [Fact]
    public async Task A_sharing_request_watch_records_the_requests_it_sent()
    {
        var submitted = await _naccc.InformationSharing.SubmitSharingRequestAsync(new SubmitSharingRequestRequest
        {
            SrsReference = "SRS-STREAM-1",
            FamilyName = "Stream",
            ParentWishingContact = "Pat Parent",
            Children = { new SharingChild { GivenNames = "Mia", DateOfBirth = new Google.Type.Date { Year = 2019, Month = 4, Day = 2 } } },
            PartiesConsentedToChecks = true,
        });

        using (var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            using var watch = _naccc.InformationSharing.WatchSharingRequests(new WatchSharingRequestsRequest(), cancellationToken: cancel.Token);
            Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
            Assert.Equal(submitted.Name, watch.ResponseStream.Current.SharingRequest.Name);
            await cancel.CancelAsync();
        }

        var entry = await EntryOf("/contact.v1.InformationSharingService/WatchSharingRequests");
        Assert.NotEqual(AuditOutcome.Failed, entry.Outcome);
        Assert.Contains(submitted.Name, entry.Resources);
    }
}
