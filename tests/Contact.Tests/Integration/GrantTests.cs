using Contact.Client;
using Contact.Server.Storage;
using Contact.Tests.Support;
using Contact.V1;
using Grpc.Core;

namespace Contact.Tests.Integration;

/// <summary>Annual grants to accredited supported centres, through the C# SDK (MOU 2.4.2).</summary>
public class GrantTests : IAsyncLifetime
{
    private TestHost _host = null!;
    private ContactClient _nct = null!, _naccc = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        _nct = await _host.ClientAsync(Role.NctOperator);
        _naccc = await _host.ClientAsync(Role.Naccc);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<string> CentreAsync(string name, bool accredited = true, params ContactType[] types)
    {
        var centre = await _nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid(name, types: types) });
        if (accredited)
            await _naccc.Register.RecordAccreditationDecisionAsync(new RecordAccreditationDecisionRequest
            {
                Centre = centre.Name, Level = AccreditationLevel.Standard, Action = AccreditationAction.Grant, Reason = "Panel decision",
            });
        return centre.Name;
    }

    private Task<GrantRound> RoundAsync(long budget, string year = "2026-27") =>
        _nct.Grants.CreateGrantRoundAsync(new CreateGrantRoundRequest { GrantRound = new GrantRound { FinancialYear = year, BudgetPence = budget } }).ResponseAsync;

    private Task<GrantApplication> ApplyAsync(ContactClient client, string round, string centre, long pence) =>
        client.Grants.ApplyForGrantAsync(new ApplyForGrantRequest { Parent = round, Application = new GrantApplication { Centre = centre, RequestedPence = pence, Purpose = "Volunteer training" } }).ResponseAsync;

    [Fact]
    public async Task A_round_is_awarded_within_its_budget_and_an_over_budget_award_is_refused_MOU_2_4_2()
    {
        var round = await RoundAsync(1_000_000);
        Assert.Equal("grantRounds/2026-27", round.Name);
        Assert.Equal(new Google.Type.Date { Year = 2027, Month = 3, Day = 31 }, round.EndDate);
        var a = await CentreAsync("A");
        var b = await CentreAsync("B");
        var own = await _host.ClientAsync(Role.ContactCentre, centreId: a["centres/".Length..]);
        var appA = await ApplyAsync(own, round.Name, a, 700_000);
        var appB = await ApplyAsync(_nct, round.Name, b, 500_000);
        Assert.True(appA.CentreAccreditedNow);

        await _nct.Grants.AwardGrantAsync(new AwardGrantRequest { Name = appA.Name, AmountPence = 700_000 });
        var over = await Refusal.Expect(StatusCode.FailedPrecondition, () => _nct.Grants.AwardGrantAsync(new AwardGrantRequest { Name = appB.Name, AmountPence = 400_000 }));
        Assert.Equal("MOU 2.4.2", over.Clause);
        Assert.Contains("£3,000.00 of £10,000.00 remain", over.Message);
        var stillPending = await _nct.Grants.ListGrantApplicationsAsync(new ListGrantApplicationsRequest { Parent = round.Name, Status = GrantApplicationStatus.Pending });
        Assert.Equal(appB.Name, stillPending.Applications.Single().Name);

        var awarded = await _nct.Grants.AwardGrantAsync(new AwardGrantRequest { Name = appB.Name, AmountPence = 300_000, Note = "Part award: budget exhausted" });
        Assert.Equal(GrantApplicationStatus.Awarded, awarded.Status);
        var after = await _nct.Grants.GetGrantRoundAsync(new GetGrantRoundRequest { Name = round.Name });
        Assert.Equal(1_000_000, after.AwardedPence);
        Assert.Equal(0, after.RemainingPence);
        Assert.Equal(2, after.AwardedCount);

        // Decided once; the centre sees only its own application.
        await Refusal.Expect(StatusCode.FailedPrecondition, () => _nct.Grants.AwardGrantAsync(new AwardGrantRequest { Name = appB.Name, AmountPence = 1 }));
        var mine = await own.Grants.ListGrantApplicationsAsync(new ListGrantApplicationsRequest { Parent = round.Name });
        Assert.Equal(appA.Name, mine.Applications.Single().Name);
    }

    [Fact]
    public async Task An_application_already_awarded_or_declined_is_not_decided_again_MOU_2_4_2()
    {
        var round = await RoundAsync(1_000_000);
        var awardedApp = await ApplyAsync(_nct, round.Name, await CentreAsync("A"), 100_000);
        var declinedApp = await ApplyAsync(_nct, round.Name, await CentreAsync("B"), 100_000);
        await _nct.Grants.AwardGrantAsync(new AwardGrantRequest { Name = awardedApp.Name, AmountPence = 100_000 });
        await _nct.Grants.DeclineGrantApplicationAsync(new DeclineGrantApplicationRequest { Name = declinedApp.Name, Reason = "Outside the funding priorities" });

        var declineAwarded = await Refusal.Expect(StatusCode.FailedPrecondition,
            () => _nct.Grants.DeclineGrantApplicationAsync(new DeclineGrantApplicationRequest { Name = awardedApp.Name, Reason = "Changed our mind" }));
        Assert.Equal("MOU 2.4.2", declineAwarded.Clause);
        Assert.Contains("already awarded", declineAwarded.Message);
        var awardDeclined = await Refusal.Expect(StatusCode.FailedPrecondition,
            () => _nct.Grants.AwardGrantAsync(new AwardGrantRequest { Name = declinedApp.Name, AmountPence = 1 }));
        Assert.Equal("MOU 2.4.2", awardDeclined.Clause);
        Assert.Contains("already declined", awardDeclined.Message);

        // Nothing changed: one award, one decline, the budget spent once.
        var stored = await _nct.Grants.ListGrantApplicationsAsync(new ListGrantApplicationsRequest { Parent = round.Name });
        Assert.Equal(GrantApplicationStatus.Awarded, stored.Applications.Single(a => a.Name == awardedApp.Name).Status);
        Assert.Equal(GrantApplicationStatus.Declined, stored.Applications.Single(a => a.Name == declinedApp.Name).Status);
        Assert.Equal(100_000, (await _nct.Grants.GetGrantRoundAsync(new GetGrantRoundRequest { Name = round.Name })).AwardedPence);
    }

    [Fact]
    public async Task Concurrent_awards_through_the_real_channel_never_exceed_the_budget()
    {
        const long budget = 1_000_000, each = 70_000; // room for 14 of 40
        var round = await RoundAsync(budget);
        var applications = new List<GrantApplication>();
        for (var i = 0; i < 40; i++) applications.Add(await ApplyAsync(_nct, round.Name, await CentreAsync($"Centre {i}"), each));

        var clients = new[] { _nct, await _host.ClientAsync(Role.NctOperator), await _host.ClientAsync(Role.NctOperator) };
        var results = await Task.WhenAll(applications.Select(async (a, i) =>
        {
            try
            {
                await clients[i % clients.Length].Grants.AwardGrantAsync(new AwardGrantRequest { Name = a.Name, AmountPence = each });
                return true;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition && ex.ToContactError().Clause == "MOU 2.4.2")
            {
                return false;
            }
        }));

        Assert.Equal(14, results.Count(r => r));
        var after = await _nct.Grants.GetGrantRoundAsync(new GetGrantRoundRequest { Name = round.Name });
        Assert.Equal(14 * each, after.AwardedPence);
        Assert.True(after.AwardedPence <= budget);
        var stored = await _nct.Grants.ListGrantApplicationsAsync(new ListGrantApplicationsRequest { Parent = round.Name, Status = GrantApplicationStatus.Awarded });
        Assert.Equal(14 * each, stored.Applications.Sum(a => a.AwardedPence));
    }

    [Fact]
    public async Task A_centre_not_accredited_for_supported_contact_is_refused_and_nothing_is_stored_MOU_2_4_2()
    {
        var round = await RoundAsync(1_000_000);
        var unaccredited = await CentreAsync("Not accredited", accredited: false);
        var refused = await Refusal.Expect(StatusCode.FailedPrecondition, () => ApplyAsync(_nct, round.Name, unaccredited, 10_000));
        Assert.Equal("MOU 2.4.2, 2.1.2", refused.Clause);
        Assert.Equal("NOT_ACCREDITED", refused.Reason);

        // Supervised only: accredited (enhanced), but not for supported contact.
        var supervisedOnly = await _nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid("Supervised only", types: ContactType.Supervised) });
        await _naccc.Register.RecordAccreditationDecisionAsync(new RecordAccreditationDecisionRequest { Centre = supervisedOnly.Name, Level = AccreditationLevel.Enhanced, Action = AccreditationAction.Grant, Reason = "Panel" });
        var refusedSupervised = await Refusal.Expect(StatusCode.FailedPrecondition, () => ApplyAsync(_nct, round.Name, supervisedOnly.Name, 10_000));
        Assert.Equal("MOU 2.4.2, 2.1.2", refusedSupervised.Clause);

        Assert.Empty((await _nct.Grants.ListGrantApplicationsAsync(new ListGrantApplicationsRequest { Parent = round.Name })).Applications);
    }

    [Fact]
    public async Task Rounds_and_applications_are_checked()
    {
        await Refusal.Expect(StatusCode.InvalidArgument, () => RoundAsync(1000, "2026-28"));
        await Refusal.Expect(StatusCode.InvalidArgument, () => RoundAsync(0));
        var round = await RoundAsync(1000);
        await Refusal.Expect(StatusCode.AlreadyExists, () => RoundAsync(5000));
        var a = await CentreAsync("A");
        await ApplyAsync(_nct, round.Name, a, 100);
        await Refusal.Expect(StatusCode.AlreadyExists, () => ApplyAsync(_nct, round.Name, a, 100));
        var b = await CentreAsync("B");
        var other = await _host.ClientAsync(Role.ContactCentre, centreId: a["centres/".Length..]);
        await Refusal.Expect(StatusCode.PermissionDenied, () => ApplyAsync(other, round.Name, b, 100));
        await Refusal.Expect(StatusCode.NotFound, () => ApplyAsync(_nct, "grantRounds/2030-31", b, 100));
        await Refusal.Expect(StatusCode.PermissionDenied, () => other.Grants.AwardGrantAsync(new AwardGrantRequest { Name = round.Name + "/applications/x", AmountPence = 1 }).ResponseAsync);

        // After the financial year ends the round takes no applications.
        var past = await RoundAsync(1000, "2025-26");
        var closed = await Refusal.Expect(StatusCode.FailedPrecondition, () => ApplyAsync(_nct, past.Name, b, 100));
        Assert.Equal("MOU 2.4.2", closed.Clause);
        var rounds = await _nct.Grants.ListGrantRoundsAsync(new ListGrantRoundsRequest());
        Assert.Equal(["2026-27", "2025-26"], rounds.GrantRounds.Select(r => r.FinancialYear));
    }

    [Theory]
    [InlineData(AccreditationAction.Withdraw)]
    [InlineData(AccreditationAction.Suspend)]
    [InlineData(AccreditationAction.Lapse)]
    public async Task A_pending_application_is_flagged_when_the_centre_loses_supported_accreditation_and_cannot_be_awarded(AccreditationAction action)
    {
        var round = await RoundAsync(1_000_000);
        var centre = await CentreAsync("Losing it");
        var keeping = await CentreAsync("Keeping it");
        var app = await ApplyAsync(_nct, round.Name, centre, 50_000);
        var other = await ApplyAsync(_nct, round.Name, keeping, 50_000);

        if (action == AccreditationAction.Lapse)
        {
            // The renewal date passes; the lapse job records the lapse and the change feed carries it.
            _host.Clock.Advance(TimeSpan.FromDays(3 * 366 + 1));
            await _host.Get<RegisterRepository>().RecordDueLapsesAsync();
            _nct = await _host.ClientAsync(Role.NctOperator); // test keys last 30 days
        }
        else
            await _naccc.Register.RecordAccreditationDecisionAsync(new RecordAccreditationDecisionRequest { Centre = centre, Level = AccreditationLevel.Standard, Action = action, Reason = "Standards not met" });

        var flagged = await WaitForFlagAsync(round.Name, app.Name);
        Assert.Contains(action == AccreditationAction.Lapse ? "lapsed" : action == AccreditationAction.Suspend ? "suspended" : "withdrawn", flagged.FlagReason);
        Assert.False(flagged.CentreAccreditedNow);
        if (action != AccreditationAction.Lapse)
        {
            var list = await _nct.Grants.ListGrantApplicationsAsync(new ListGrantApplicationsRequest { Parent = round.Name, FlaggedOnly = true });
            Assert.Equal(app.Name, list.Applications.Single().Name);
            Assert.DoesNotContain(list.Applications, a => a.Name == other.Name);
        }

        var refused = await Refusal.Expect(StatusCode.FailedPrecondition, () => _nct.Grants.AwardGrantAsync(new AwardGrantRequest { Name = app.Name, AmountPence = 50_000 }));
        Assert.Equal("MOU 2.4.2, 2.1.2", refused.Clause);
    }

    private async Task<GrantApplication> WaitForFlagAsync(string round, string name)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var list = await _nct.Grants.ListGrantApplicationsAsync(new ListGrantApplicationsRequest { Parent = round });
            var app = list.Applications.Single(a => a.Name == name);
            if (app.Flagged || DateTime.UtcNow > deadline) return app.Flagged ? app : throw new Xunit.Sdk.XunitException($"{name} was not flagged within 10 s.");
            await Task.Delay(20);
        }
    }
}
