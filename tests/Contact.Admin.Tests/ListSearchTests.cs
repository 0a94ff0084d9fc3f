using Contact.Admin.Views;
using Contact.Client;
using Contact.Tests.Support;
using Contact.V1;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace Contact.Admin.Tests;

/// <summary>
/// <c>/</c> on every list screen: it focuses the screen's search, typing narrows the rows as it
/// goes, Esc clears the search (and stays), Down goes from the search to the list.
/// </summary>
public sealed class ListSearchTests
{
    private const string Year = "2026-27";   // TestHost's clock starts on 2 June 2026

    /// <summary>What a screen family needs: rows made through the API, the screen, and a search that keeps one row and hides another.</summary>
    private sealed record Case(Func<TestHost, ContactClient, Task> Seed, Func<MainWindow, Screen> Open, string Loaded, string Query, string Kept, string Hidden);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["referrals"] = new(async (host, nct) =>
        {
            var naccc = await host.ClientAsync(Role.Naccc);
            var practitioner = await host.ClientAsync(Role.Practitioner, fcaId: "fca-anna");
            foreach (var name in new[] { "Riverside Child Contact Centre", "Hilltop Contact Service" })
            {
                var centre = await Referrals.AccreditedCentreAsync(naccc, name, commissioned: true);
                await practitioner.Referrals.SubmitReferralAsync(new SubmitReferralRequest { Referral = Referrals.Valid(centre.Name) });
            }
        }, shell => new ReferralsScreen(shell), "2 referrals", "hilltop", "Hilltop Contact", "Riverside"),

        ["information sharing"] = new(async (host, _) =>
        {
            var naccc = await host.ClientAsync(Role.Naccc);
            foreach (var family in new[] { "Greenwood", "Blackburn" })
                await naccc.InformationSharing.SubmitSharingRequestAsync(new SubmitSharingRequestRequest
                {
                    SrsReference = "SRS-" + family, FamilyName = family, ParentWishingContact = "Pat Parent",
                    Children = { new SharingChild { GivenNames = "Sam", DateOfBirth = new Google.Type.Date { Year = 2018, Month = 1, Day = 1 } } },
                    PartiesConsentedToChecks = true,
                });
        }, shell => new SharingRequestsScreen(shell), "2 requests", "green", "Greenwood", "Blackburn"),

        ["concerns"] = new(async (host, _) =>
        {
            var practitioner = await host.ClientAsync(Role.Practitioner, fcaId: "fca-anna");
            foreach (var organisation in new[] { "Happy Families Ltd", "Sunny Days Ltd" })
                await practitioner.Concerns.RaiseConcernAsync(new RaiseConcernRequest { Concern = new Concern
                {
                    Type = ConcernType.UnaccreditedOrganisation, Description = "Advertises supervised contact.",
                    Organisation = new UnregisteredOrganisation { Name = organisation, Address = "Market Street, Newark", Offers = "supervised contact" },
                } });
        }, shell => new ConcernsScreen(shell), "2 open concerns", "sunny", "Sunny Days", "Happy Families"),

        ["keys"] = new(async (_, nct) =>
        {
            foreach (var holder in new[] { "Alpha front desk", "Beta front desk" })
                await nct.Access.IssueApiKeyAsync(new IssueApiKeyRequest { DisplayName = holder, Roles = { Role.Auditor }, ValidDays = 30 });
        }, shell => new KeysScreen(shell), " (active).", "beta", "Beta front desk", "Alpha front desk"),

        ["audit"] = new(async (_, nct) =>
        {
            await nct.Access.IssueApiKeyAsync(new IssueApiKeyRequest { DisplayName = "Auditor", Roles = { Role.Auditor }, ValidDays = 30 });
            await nct.Grants.CreateGrantRoundAsync(new CreateGrantRoundRequest { GrantRound = new GrantRound { FinancialYear = Year, BudgetPence = 100_000 } });
        }, shell => new AuditScreen(shell), "entries on page 1", "grantround", "CreateGrantRound", "IssueApiKey"),

        ["grant rounds"] = new(async (_, nct) =>
        {
            foreach (var year in new[] { "2026-27", "2027-28" })
                await nct.Grants.CreateGrantRoundAsync(new CreateGrantRoundRequest { GrantRound = new GrantRound { FinancialYear = year, BudgetPence = 100_000 } });
        }, shell => new GrantRoundsScreen(shell), "2 grant rounds", "2027", "2027-28", "2026-27"),

        ["grant applications"] = new(async (host, nct) =>
        {
            await nct.Grants.CreateGrantRoundAsync(new CreateGrantRoundRequest { GrantRound = new GrantRound { FinancialYear = Year, BudgetPence = 1_000_000 } });
            foreach (var name in new[] { "Riverside Family Contact", "Hilltop Family Contact" })
            {
                var created = await nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid(name) });
                await nct.Register.RecordAccreditationDecisionAsync(new RecordAccreditationDecisionRequest
                {
                    Centre = created.Name, Level = AccreditationLevel.Standard, Action = AccreditationAction.Grant, Reason = "Assessment passed",
                });
                await nct.Grants.ApplyForGrantAsync(new ApplyForGrantRequest
                {
                    Parent = "grantRounds/" + Year, Application = new GrantApplication { Centre = created.Name, RequestedPence = 50_000, Purpose = "Training" },
                });
            }
        }, shell => new GrantApplicationsScreen(shell, "grantRounds/" + Year), "2 applications", "hilltop", "Hilltop Family", "Riverside Family"),
    };

    public static IEnumerable<object[]> Screens() => Cases.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Slash_searches_the_list_as_typed_esc_clears_and_down_reaches_the_list(string screen)
    {
        var c = Cases[screen];
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        await c.Seed(host, nct);
        using var console = new HeadlessConsole(nct);
        console.Main.Home(c.Open(console.Main));
        console.WaitFor(c.Loaded);
        console.WaitFor(c.Hidden);
        var open = console.Main.Current!;
        Assert.NotNull(open.SearchBox);

        console.Press(new Key('/'));
        Assert.True(open.SearchBox!.HasFocus, "/ focuses the search");
        console.Press(new Key('/'));                                // again, in the empty search: not typed
        Assert.Equal("", ((TextField)open.SearchBox).Text);
        console.Type(c.Query);
        console.WaitUntil(s => !s.Contains(c.Hidden, StringComparison.Ordinal), $"the search to hide \"{c.Hidden}\"");
        Assert.Contains(c.Kept, console.Screen);
        Assert.Contains($"\"{c.Query}\"", console.Screen);       // the count says what it matched

        console.Press(Key.Esc);                                     // clears the search, stays on the screen
        Assert.Same(open, console.Main.Current);
        Assert.Equal("", ((TextField)open.SearchBox).Text);
        console.WaitFor(c.Hidden);

        console.Type(c.Query);
        console.Press(Key.CursorDown);
        Assert.IsType<TableView>(Focused(console.Main));
        console.WaitUntil(s => !s.Contains(c.Hidden, StringComparison.Ordinal), "the search to apply");
        console.Press(Key.Esc);                                     // from the list: the search is cleared first, still
        Assert.Same(open, console.Main.Current);
        console.WaitFor(c.Hidden);
    }

    [Fact]
    public async Task Slash_on_the_register_where_the_search_has_the_focus_is_not_typed()
    {
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        await nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid("Harrow Child Contact Centre") });
        using var console = new HeadlessConsole(nct);
        console.WaitFor("Harrow Child Contact");
        var register = Assert.IsType<CentresScreen>(console.Main.Current);
        Assert.True(register.SearchBox!.HasFocus, "the register opens with its search focused");
        console.Press(new Key('/'));
        console.Type("harrow");
        Assert.Equal("harrow", ((TextField)register.SearchBox).Text);
        console.WaitFor("1 found");
    }

    [Fact]
    public async Task Typing_a_search_does_not_drop_a_reload_a_live_change_asked_for()
    {
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        var naccc = await host.ClientAsync(Role.Naccc);
        using var console = new HeadlessConsole(nct);
        console.Main.Home(new SharingRequestsScreen(console.Main));
        console.WaitFor("0 requests.");
        console.Press(new Key('/'));

        HeadlessConsole.Block(() => Cases["information sharing"].Seed(host, nct));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (console.Main.Idle && clock.ElapsedMilliseconds < 10_000) { console.App.TimedEvents!.RunTimers(); Thread.Sleep(5); }
        Assert.False(console.Main.Idle, "the live change asked for a reload");
        console.Type("green");                                      // within the reload's quiet moment
        console.WaitFor("1 of 2 requests match \"green\"");
    }

    private static Terminal.Gui.ViewBase.View Focused(Terminal.Gui.ViewBase.View v)
    {
        while (v.Focused is { } deeper) v = deeper;
        return v;
    }
}
