using Contact.Server.Storage;
using Contact.Tests.Support;
using Contact.V1;
using Grpc.Core;

namespace Contact.Tests.Integration;

/// <summary>The register through a real GrpcChannel against the in-process server.</summary>
public class RegisterLookupTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(demo: true);
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Nearest_accredited_supervised_centres_to_a_demo_postcode_come_with_distance_and_waiting_time()
    {
        var practitioner = await _host.ClientAsync(Role.Practitioner);
        var response = await practitioner.Register.FindNearestCentresAsync(new FindNearestCentresRequest
        {
            Postcode = "ng1 5hj", ContactType = ContactType.Supervised, MaxDistanceKm = 150, Limit = 5,
        });

        Assert.Equal(OriginResolution.DistrictCentroid, response.OriginResolution);
        Assert.NotEmpty(response.Results);
        Assert.True(response.Results.Count <= 5);
        Assert.Equal(response.Results.Select(r => r.DistanceKm).Order(), response.Results.Select(r => r.DistanceKm));
        Assert.All(response.Results, r =>
        {
            Assert.NotNull(r.WaitingTime);
            Assert.NotNull(r.WaitingTime.ConfirmedDate);
            // SUMMARY is the default: the brief, not the centre.
            Assert.Null(r.Centre);
            Assert.Contains(AccreditationLevel.Enhanced, r.Summary.AccreditedLevels);
            Assert.NotEmpty(r.Summary.Town);
            Assert.InRange(Math.Abs(r.DistanceKm / 1.609344 - r.DistanceMiles), 0, 0.01);
        });
    }

    [Theory]
    [InlineData(ContactType.Supported)]
    [InlineData(ContactType.Supervised)]
    [InlineData(ContactType.Handover)]
    [InlineData(ContactType.Indirect)]
    public async Task No_lookup_ever_offers_a_centre_not_accredited_now_for_the_type_Policy_1_2(ContactType type)
    {
        var client = await _host.ClientAsync(Role.Practitioner);
        var all = await client.Register.ListCentresAsync(new ListCentresRequest { PageSize = 500 });
        Assert.Contains(all.Centres, c => c.Accreditations.Any(a => a.Status is AccreditationStatus.Suspended or AccreditationStatus.Lapsed or AccreditationStatus.Withdrawn or AccreditationStatus.Candidate));

        var offered = 0;
        foreach (var origin in all.Centres.Take(60))
        {
            var found = await client.Register.FindNearestCentresAsync(new FindNearestCentresRequest
            {
                Location = origin.Location, ContactType = type, MaxDistanceKm = 1000, Limit = 100, View = CentreView.Basic,
            });
            foreach (var result in found.Results)
            {
                offered++;
                var level = type == ContactType.Supervised ? AccreditationLevel.Enhanced : AccreditationLevel.Standard;
                Assert.Contains(type, result.Centre.ContactTypes);
                Assert.Equal(AccreditationStatus.Accredited, result.Centre.Accreditations.Single(a => a.Level == level).Status);
            }
        }
        Assert.True(offered > 0);
    }

    [Fact]
    public async Task The_summary_view_is_the_default_and_agrees_with_the_full_centre()
    {
        var client = await _host.ClientAsync(Role.Practitioner);
        var request = new FindNearestCentresRequest { Postcode = "LS1 4AP", ContactType = ContactType.Supervised, Limit = 10 };
        var summary = await client.Register.FindNearestCentresAsync(request);
        request.View = CentreView.Summary;
        Assert.Equal(summary, await client.Register.FindNearestCentresAsync(request));
        request.View = CentreView.Full;
        var full = await client.Register.FindNearestCentresAsync(request);

        Assert.NotEmpty(summary.Results);
        Assert.Equal(full.Results.Select(r => r.Centre.Name), summary.Results.Select(r => r.Summary.Name));
        foreach (var (brief, whole) in summary.Results.Zip(full.Results))
        {
            Assert.Null(brief.Centre);
            Assert.Null(whole.Summary);
            var c = whole.Centre;
            Assert.Equal(c.DisplayName, brief.Summary.DisplayName);
            Assert.Equal(c.Address.Town, brief.Summary.Town);
            Assert.Equal(c.Address.Postcode, brief.Summary.Postcode);
            Assert.Equal(c.Accreditations.Where(a => a.Status == AccreditationStatus.Accredited).Select(a => a.Level).Order(), brief.Summary.AccreditedLevels);
            Assert.Equal(c.Commissioning?.CommissionedNow ?? false, brief.Summary.Commissioned);
            Assert.Equal(whole.WaitingTime, brief.WaitingTime);
            Assert.Equal(whole.DistanceKm, brief.DistanceKm);
        }
        // The point of it: a much smaller answer.
        Assert.True(summary.CalculateSize() * 2 < full.CalculateSize(), $"{summary.CalculateSize()} vs {full.CalculateSize()} bytes");
    }

    [Fact]
    public async Task A_basic_view_leaves_out_the_decision_history_and_a_full_view_has_it()
    {
        var client = await _host.ClientAsync(Role.Practitioner);
        var request = new FindNearestCentresRequest { Postcode = "LS1 4AP", ContactType = ContactType.Supported, Limit = 3, View = CentreView.Basic };
        var basic = await client.Register.FindNearestCentresAsync(request);
        Assert.All(basic.Results, r => Assert.All(r.Centre.Accreditations, a =>
        {
            Assert.Empty(a.History);
            Assert.NotNull(a.RenewalDueDate);
        }));
        request.View = CentreView.Full;
        var full = await client.Register.FindNearestCentresAsync(request);
        Assert.Equal(basic.Results.Select(r => r.Centre.Name), full.Results.Select(r => r.Centre.Name));
        Assert.All(full.Results, r => Assert.All(r.Centre.Accreditations, a => Assert.NotEmpty(a.History)));
    }

    [Fact]
    public async Task Ordering_by_waiting_time_puts_the_shortest_wait_first()
    {
        var client = await _host.ClientAsync(Role.Practitioner);
        var found = await client.Register.FindNearestCentresAsync(new FindNearestCentresRequest
        {
            Location = new GeoPoint { Latitude = 51.5, Longitude = -0.12 }, ContactType = ContactType.Supported,
            MaxDistanceKm = 60, Limit = 20, OrderBy = NearestOrder.WaitingTime,
        });
        Assert.True(found.Results.Count > 1);
        Assert.Equal(found.Results.Select(r => r.WaitingTime.Weeks).Order(), found.Results.Select(r => r.WaitingTime.Weeks));
    }

    [Fact]
    public async Task An_unknown_organisation_is_answered_not_accredited_not_an_error()
    {
        var client = await _host.ClientAsync(Role.Practitioner);
        var answer = await client.Register.CheckAccreditationAsync(new CheckAccreditationRequest { OrganisationName = "Nobody's Contact Centre Ltd", ContactType = ContactType.Supported });
        Assert.False(answer.Known);
        Assert.False(answer.Accredited);
    }

    [Fact]
    public async Task A_lapse_removes_the_centre_from_lookups_and_reaches_subscribers_who_resume_from_their_sequence_MOU_2_1_3()
    {
        var naccc = await _host.ClientAsync(Role.Naccc);
        var centre = await naccc.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid("Lapsing Centre", 53.8, -1.55, ContactType.Supported) });
        var renewal = DateOnly.FromDateTime(TestHost.Start.UtcDateTime).AddDays(10);
        centre = await naccc.Register.RecordAccreditationDecisionAsync(new RecordAccreditationDecisionRequest
        {
            Centre = centre.Name, Level = AccreditationLevel.Standard, Action = AccreditationAction.Grant, Reason = "Panel decision",
            RenewalDueDate = new Google.Type.Date { Year = renewal.Year, Month = renewal.Month, Day = renewal.Day },
        });

        var practitioner = await _host.ClientAsync(Role.Practitioner);
        var near = new FindNearestCentresRequest { Location = new GeoPoint { Latitude = 53.8, Longitude = -1.55 }, ContactType = ContactType.Supported, Limit = 100 };
        Assert.Contains((await practitioner.Register.FindNearestCentresAsync(near)).Results, r => r.Summary.Name == centre.Name);

        // A subscriber reads the grant, then disconnects.
        var grantSequence = centre.Accreditations.Single().History.Last().Sequence;
        using (var cts = new CancellationTokenSource())
        using (var watch = practitioner.Register.WatchAccreditationChanges(new WatchAccreditationChangesRequest { AfterSequence = grantSequence - 1, Centre = centre.Name }, cancellationToken: cts.Token))
        {
            Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Equal(AccreditationAction.Grant, watch.ResponseStream.Current.Change.Action);
            cts.Cancel();
        }

        // A live subscriber is connected while the renewal date passes and the lapse job runs.
        using var live = practitioner.Register.WatchAccreditationChanges(new WatchAccreditationChangesRequest { AfterSequence = grantSequence, Centre = centre.Name });
        var next = live.ResponseStream.MoveNext(CancellationToken.None);
        _host.Clock.Advance(TimeSpan.FromDays(11));
        Assert.DoesNotContain((await practitioner.Register.FindNearestCentresAsync(near)).Results, r => r.Summary.Name == centre.Name);
        // The lapse job's timer runs on the fake clock; running it again here is harmless (idempotent).
        await _host.Get<RegisterRepository>().RecordDueLapsesAsync();
        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(AccreditationAction.Lapse, live.ResponseStream.Current.Change.Action);
        Assert.Equal(AccreditationStatus.Lapsed, live.ResponseStream.Current.Change.NewStatus);

        var check = await practitioner.Register.CheckAccreditationAsync(new CheckAccreditationRequest { Centre = centre.Name, ContactType = ContactType.Supported });
        Assert.True(check.Known);
        Assert.False(check.Accredited);
        Assert.Equal(AccreditationStatus.Lapsed, check.Centres.Single().Accreditations.Single().Status);

        // The disconnected subscriber resumes from the grant's sequence and receives the lapse it missed.
        using var resumed = practitioner.Register.WatchAccreditationChanges(new WatchAccreditationChangesRequest { AfterSequence = grantSequence, Centre = centre.Name });
        Assert.True(await resumed.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(AccreditationAction.Lapse, resumed.ResponseStream.Current.Change.Action);
        Assert.True(resumed.ResponseStream.Current.Change.Sequence > grantSequence);
    }
}
