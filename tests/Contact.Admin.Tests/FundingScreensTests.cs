using Contact.Admin.Views;
using Contact.Client;
using Contact.Tests.Support;
using Contact.V1;
using Terminal.Gui.Input;

namespace Contact.Admin.Tests;

/// <summary>
/// The Funding menu's screens (grant rounds and their applications; the MOU review report), driven
/// headless with injected keys against the real server wiring.
/// </summary>
public sealed class FundingScreensTests
{
    private const string Year = "2026-27";   // TestHost's clock starts on 2 June 2026
    private const string Round = "grantRounds/" + Year;

    /// <summary>A round with its budget, and an accredited centre that applied for itself through the SDK.</summary>
    private static async Task<(TestHost Host, ContactClient Nct, GrantApplication Application)> StartWithApplicationAsync(long budgetPence, long requestedPence)
    {
        var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        var centre = await AccreditedCentreAsync(nct, "Riverside Family Contact Centre");
        await nct.Grants.CreateGrantRoundAsync(new CreateGrantRoundRequest { GrantRound = new GrantRound { FinancialYear = Year, BudgetPence = budgetPence } });
        var own = await host.ClientAsync(Role.ContactCentre, centreId: centre.Name["centres/".Length..]);
        var application = await own.Grants.ApplyForGrantAsync(new ApplyForGrantRequest
        {
            Parent = Round,
            Application = new GrantApplication { Centre = centre.Name, RequestedPence = requestedPence, Purpose = "Volunteer training" },
        });
        return (host, nct, application);
    }

    // Supported contact needs Standard accreditation (policy 1.4), which the grant requires (MOU 2.4.2).
    private static async Task<Centre> AccreditedCentreAsync(ContactClient nct, string name)
    {
        var created = await nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid(name) });
        return await nct.Register.RecordAccreditationDecisionAsync(new RecordAccreditationDecisionRequest
        {
            Centre = created.Name, Level = AccreditationLevel.Standard, Action = AccreditationAction.Grant, Reason = "Assessment passed",
        });
    }

    private static GrantRound RoundOn(ContactClient nct) =>
        HeadlessConsole.Block(() => nct.Grants.GetGrantRoundAsync(new GetGrantRoundRequest { Name = Round }).ResponseAsync);

    private static void WaitForFlag(ContactClient nct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (HeadlessConsole.Block(() => nct.Grants.ListGrantApplicationsAsync(new ListGrantApplicationsRequest { Parent = Round, FlaggedOnly = true }).ResponseAsync).Applications.Count == 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The application was not flagged within 10 s.");
            Thread.Sleep(20);
        }
    }

    [Theory]
    [InlineData(0, "£0.00")]
    [InlineData(1, "£0.01")]
    [InlineData(1_250_000, "£12,500.00")]
    [InlineData(-1_999, "-£19.99")]
    [InlineData(long.MaxValue, "£92,233,720,368,547,758.07")]
    public void Money_is_pounds_and_pence_exactly(long pence, string shown) => Assert.Equal(shown, Words.Money(pence));

    [Theory]
    [InlineData("12500", 1_250_000)]
    [InlineData("12,500.50", 1_250_050)]
    [InlineData(" £0.1 ", 10)]
    [InlineData("0.29", 29)]            // 0.29 * 100 in floating point is 28.999…
    [InlineData("92233720368547758.07", long.MaxValue)]
    public void Pounds_parse_exactly_to_pence(string text, long pence)
    {
        Assert.True(Words.TryParsePounds(text, out var parsed));
        Assert.Equal(pence, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1.005")]
    [InlineData("ten")]
    [InlineData("92233720368547758.08")]
    public void Pounds_that_are_not_a_positive_sum_in_pence_are_refused(string text) => Assert.False(Words.TryParsePounds(text, out _));

    [Fact]
    public async Task Opens_a_round_from_the_form_and_lists_it()
    {
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        using (var console = new HeadlessConsole(nct))
        {
            console.Main.Home(new GrantRoundsScreen(console.Main));
            console.WaitFor("No grant rounds yet");
            console.Press(Key.F1);
            console.WaitFor("Help — Grant rounds");
            console.Press(Key.Esc);

            console.Press(Key.F6);
            console.WaitFor("New grant round");
            console.Type("1.005");                                    // a fraction of a penny: refused before calling
            console.Press(Key.S.WithCtrl);
            console.WaitFor("Budget (£)!");
            Assert.Contains("• budget: must be an amount in pounds", console.Screen);

            var form = Assert.IsType<GrantRoundEditScreen>(console.Main.Current);
            form.Fill("2027-28", "250,000.50");
            console.Press(Key.S.WithCtrl);
            console.WaitFor("1 grant round");
            var screen = console.Screen;
            Assert.Contains("2027-28", screen);
            Assert.Contains("£250,000.50", screen);
            Assert.Contains("Opened round 2027-28: budget £250,000.50.", screen);

            // The same year again is refused in words, on the form.
            console.Press(Key.F6);
            console.WaitFor("New grant round");
            Assert.IsType<GrantRoundEditScreen>(console.Main.Current).Fill("2027-28", "1000");
            console.Press(Key.S.WithCtrl);
            console.WaitFor("Already exists");
            Assert.DoesNotContain("Exception", console.Screen);
        }
        var rounds = await nct.Grants.ListGrantRoundsAsync(new ListGrantRoundsRequest());
        Assert.Equal(25_000_050, rounds.GrantRounds.Single().BudgetPence);
    }

    [Fact]
    public async Task Typing_into_the_form_opens_a_round()
    {
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        using (var console = new HeadlessConsole(nct))
        {
            console.Main.Home(new GrantRoundsScreen(console.Main));
            console.WaitFor("No grant rounds yet");
            console.Press(Key.F6);
            console.WaitFor("New grant round");
            console.Type("12,500");
            console.Press(Key.Tab.WithShift);                       // back to the year
            console.Press(Key.A.WithCtrl);
            console.Type("2028-29");
            console.Press(Key.S.WithCtrl);
            console.WaitFor("1 grant round");
            Assert.Contains("£12,500.00", console.Screen);
        }
        var round = await nct.Grants.GetGrantRoundAsync(new GetGrantRoundRequest { Name = "grantRounds/2028-29" });
        Assert.Equal(1_250_000, round.BudgetPence);
    }

    [Fact]
    public async Task Awards_within_the_budget_and_the_remaining_sum_drops_on_screen_and_on_the_server()
    {
        var (host, nct, application) = await StartWithApplicationAsync(budgetPence: 1_000_000, requestedPence: 700_000);
        await using var _ = host;
        using (var console = new HeadlessConsole(nct))
        {
            console.Main.Home(new GrantRoundsScreen(console.Main));
            console.WaitFor(Year);
            Assert.Contains("£10,000.00", console.Screen);

            console.Press(Key.Enter);
            console.WaitFor("remaining £10,000.00");
            var screen = console.Screen;
            Assert.Contains("Riverside Family Cont…", screen);     // cut to fit 80 columns
            Assert.Contains("£7,000.00", screen);
            Assert.Contains("pending", screen);
            Assert.Contains("Purpose: Volunteer training", screen);

            console.Press(Key.Enter);                                  // award the selected application
            console.WaitFor("Award — Riverside");
            Assert.Contains("7000.00", console.Screen);                // starts at the sum requested
            var award = Assert.IsType<GrantAwardScreen>(console.Main.Current);
            award.Amount("7,000.01");
            console.Press(Key.S.WithCtrl);
            console.WaitFor("must not exceed the £7,000.00 requested");
            award.Amount("6,500");
            console.Type("First year of the new rota");
            console.Press(Key.S.WithCtrl);
            console.Confirm("Award £6,500.00 to Riverside Family Contact Centre (requested £7,000.00)?");

            console.WaitFor("remaining £3,500.00");
            screen = console.Screen;
            Assert.IsType<GrantApplicationsScreen>(console.Main.Current);
            Assert.Contains("awarded £6,500.00", screen);
            Assert.Contains("Awarded £6,500.00 to Riverside", screen);
            Assert.Contains("Note: First year of the new rota", screen);
        }
        Assert.Equal(350_000, RoundOn(nct).RemainingPence);
        var stored = (await nct.Grants.ListGrantApplicationsAsync(new ListGrantApplicationsRequest { Parent = Round })).Applications.Single();
        Assert.Equal((GrantApplicationStatus.Awarded, 650_000L), (stored.Status, stored.AwardedPence));
        Assert.Equal(application.Name, stored.Name);
    }

    [Fact]
    public async Task An_award_beyond_the_remaining_budget_is_refused_in_words_with_its_clause_and_nothing_changes()
    {
        var (host, nct, _) = await StartWithApplicationAsync(budgetPence: 500_000, requestedPence: 700_000);
        await using var _ = host;
        using (var console = new HeadlessConsole(nct))
        {
            console.Main.Home(new GrantApplicationsScreen(console.Main, Round));
            console.WaitFor("remaining £5,000.00");
            console.Press(Key.F4);
            console.WaitFor("Award — Riverside");
            console.Press(Key.S.WithCtrl);                             // the £7,000 requested
            console.Confirm("Award £7,000.00 to Riverside");

            console.WaitFor("Refused under MOU 2.4.2");
            var screen = console.Screen;
            Assert.Contains("would exceed the", screen);
            var words = string.Join(" ", screen.Split((char[])['\n', ' ', '│'], StringSplitOptions.RemoveEmptyEntries));   // the refusal wraps
            Assert.Contains("Awarding £7,000.00 would exceed the 2026-27 budget: £5,000.00 of £5,000.00 remain", words);
            Assert.DoesNotContain("pence", screen);
            Assert.Contains("Amount (£)!", screen);
            Assert.DoesNotContain("Exception", screen);
            Assert.IsType<GrantAwardScreen>(console.Main.Current);    // the form stays open

            console.Press(Key.Esc);
            console.WaitFor("remaining £5,000.00");
            Assert.Contains("pending", console.Screen);
        }
        var round = RoundOn(nct);
        Assert.Equal((0L, 500_000L, 0), (round.AwardedPence, round.RemainingPence, round.AwardedCount));
    }

    [Fact]
    public async Task An_award_made_elsewhere_meanwhile_is_counted_and_the_form_shows_what_remains_now()
    {
        var (host, nct, first) = await StartWithApplicationAsync(budgetPence: 1_000_000, requestedPence: 700_000);
        await using var _ = host;
        var hilltop = await AccreditedCentreAsync(nct, "Hilltop Child Contact Service");
        await nct.Grants.ApplyForGrantAsync(new ApplyForGrantRequest { Parent = Round, Application = new GrantApplication { Centre = hilltop.Name, RequestedPence = 500_000, Purpose = "Hall rent" } });
        using (var console = new HeadlessConsole(nct))
        {
            console.WaitForLiveFeed();
            var applications = new GrantApplicationsScreen(console.Main, Round);
            console.Main.Home(applications);
            console.WaitFor("2 applications");
            var row = applications.Applications.ToList().FindIndex(a => a.Purpose == "Hall rent");   // made in the same instant: either order
            console.Press(Key.Home);
            for (var i = 0; i < row; i++) console.Press(Key.CursorDown);
            console.WaitFor("Purpose: Hall rent");
            console.Press(Key.F4);
            console.WaitFor("Award — Hilltop");
            Assert.Contains("£10,000.00 of £10,000.00 remain", console.Screen);

            // Another operator awards the first application while this form is open.
            HeadlessConsole.Block(() => nct.Grants.AwardGrantAsync(new AwardGrantRequest { Name = first.Name, AmountPence = 700_000 }).ResponseAsync);
            console.Press(Key.S.WithCtrl);                             // £5,000 of the £3,000 left
            console.Confirm("Award £5,000.00 to Hilltop");
            console.WaitFor("Refused under MOU 2.4.2");
            Assert.Contains("£3,000.00 of £10,000.00 remain", console.Screen);

            Assert.IsType<GrantAwardScreen>(console.Main.Current).Amount("3000");
            console.Press(Key.S.WithCtrl);
            console.Confirm("Award £3,000.00 to Hilltop");
            console.WaitFor("remaining £0.00");
        }
        Assert.Equal((1_000_000L, 0L, 2), (RoundOn(nct).AwardedPence, RoundOn(nct).RemainingPence, RoundOn(nct).AwardedCount));
    }

    [Fact]
    public async Task Declines_with_a_required_reason()
    {
        var (host, nct, _) = await StartWithApplicationAsync(budgetPence: 1_000_000, requestedPence: 200_000);
        await using var _ = host;
        using (var console = new HeadlessConsole(nct))
        {
            console.Main.Home(new GrantApplicationsScreen(console.Main, Round));
            console.WaitFor("1 application");
            console.Press(Key.F8);
            console.WaitFor("Decline — Riverside");
            console.Press(Key.S.WithCtrl);
            console.WaitFor("Reason!");
            Assert.Contains("reason: is required", console.Screen);

            console.Type("Funded by the local authority this year");
            console.Press(Key.S.WithCtrl);
            console.Confirm("Decline the application of Riverside Family Contact Centre for £2,000.00?");
            console.WaitFor("Declined: Funded by the local authority");
            var screen = console.Screen;
            Assert.Contains("declined", screen);
            Assert.Contains("remaining £10,000.00", screen);

            console.Press(Key.F4);                                     // a declined application cannot be awarded
            console.WaitFor("is already declined");
            Assert.IsType<GrantApplicationsScreen>(console.Main.Current);
        }
        var stored = (await nct.Grants.ListGrantApplicationsAsync(new ListGrantApplicationsRequest { Parent = Round })).Applications.Single();
        Assert.Equal(GrantApplicationStatus.Declined, stored.Status);
        Assert.Equal("Funded by the local authority this year", stored.DecisionNote);
    }

    [Fact]
    public async Task Nct_applies_on_a_centres_behalf_found_by_name_and_the_filters_follow()
    {
        var (host, nct, _) = await StartWithApplicationAsync(budgetPence: 1_000_000, requestedPence: 200_000);
        await using var _ = host;
        await AccreditedCentreAsync(nct, "Hilltop Child Contact Service");
        var naccc = await host.ClientAsync(Role.Naccc);
        using (var console = new HeadlessConsole(nct))
        {
            console.Main.Home(new GrantApplicationsScreen(console.Main, Round));
            console.WaitFor("1 application");
            console.Press(Key.F6);
            console.WaitFor("Apply for a grant — 2026-27");
            console.Type("hilltop");
            console.WaitFor("Applies for: Hilltop Child Contact Service");
            console.Press(Key.Enter);                                  // to the matches
            console.Press(Key.Enter);                                  // this one: on to the amount
            console.Type("1,500");
            console.Press(Key.Tab);
            console.Type("Toys and a baby-change unit");
            console.Press(Key.S.WithCtrl);

            console.WaitFor("2 applications");
            Assert.Contains("Applied: £1,500.00 for Hilltop", console.Screen);
            Assert.Contains("Hilltop Child Contact", console.Screen);

            // Hilltop loses its supported-contact accreditation: its pending application is flagged.
            var hilltop = HeadlessConsole.Block(() => nct.Register.ListCentresAsync(new ListCentresRequest { Text = "Hilltop" }).ResponseAsync).Centres.Single();
            HeadlessConsole.Block(() => naccc.Register.RecordAccreditationDecisionAsync(new RecordAccreditationDecisionRequest
            {
                Centre = hilltop.Name, Level = AccreditationLevel.Standard, Action = AccreditationAction.Suspend, Reason = "Concern under review",
            }).ResponseAsync);
            WaitForFlag(nct);                                          // the server flags it as the change is watched
            console.Press(Key.F3);
            console.WaitFor("1 application, flagged only");
            var screen = console.Screen;
            Assert.Contains("FLAGGED", screen);
            Assert.Contains("NO", screen);                             // not accredited now
            Assert.DoesNotContain("Riverside", screen);

            console.Press(Key.F3, Key.F2);
            console.WaitFor("2 applications, pending only");
        }
        var applications = await nct.Grants.ListGrantApplicationsAsync(new ListGrantApplicationsRequest { Parent = Round });
        var made = applications.Applications.Single(a => a.CentreDisplayName == "Hilltop Child Contact Service");
        Assert.Equal((150_000L, "Toys and a baby-change unit", true), (made.RequestedPence, made.Purpose, made.Flagged));
    }

    [Fact]
    public async Task The_review_report_shows_its_sections_and_exports_the_csv_to_a_named_file()
    {
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        await AccreditedCentreAsync(nct, "Riverside Family Contact Centre");
        var file = Path.Combine(host.DataDirectory, "review.csv");
        Directory.CreateDirectory(host.DataDirectory);
        using (var console = new HeadlessConsole(nct))
        {
            var report = new ReviewReportScreen(console.Main);
            console.Main.Home(report);
            console.WaitFor("Centres by contact type and accreditation status");
            var screen = console.Screen;
            Assert.Contains("MOU signed 2018-04-16", screen);
            Assert.Contains("Period 2025-06-03 to 2026-06-02", screen);   // the server's default: twelve months to today
            Assert.Contains("Clauses:", screen);
            console.Press(Key.F1);
            console.WaitFor("Help — MOU review report");
            console.Press(Key.Esc);

            // A period is checked before calling.
            report.Period("2026-13-01", "");
            report.Run();
            console.WaitFor("Period not run");
            report.Period("2026-04-01", "2026-03-31");
            report.Run();
            console.WaitFor("must not be before");
            report.Period("2026-04-01", "2026-06-02");
            report.Run();
            console.WaitFor("Period 2026-04-01 to 2026-06-02");

            console.Press(Key.F4);
            console.WaitFor("Export MOU review report");
            Assert.Contains("mou-review-2026-04-01-to-2026-06-02.csv", console.Screen);   // the server's suggestion
            Assert.IsType<ReviewExportScreen>(console.Main.Current).PathTo(file);
            console.Press(Key.S.WithCtrl);
            console.WaitFor("Wrote");
            Assert.Contains(file, console.Screen.Replace("\n", "").Replace("│", ""));   // the full path, however it wraps
        }
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal("section,period_start,period_end,label_1,label_2,label_3,measure,value", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("register.", StringComparison.Ordinal) && l.Contains(",2026-04-01,2026-06-02,", StringComparison.Ordinal));
    }

    [Fact]
    public void The_report_is_an_aligned_table_with_whole_numbers_and_pounds()
    {
        var report = new ReviewReport
        {
            Period = new DateRange { StartDate = new Google.Type.Date { Year = 2025, Month = 6, Day = 3 }, EndDate = new Google.Type.Date { Year = 2026, Month = 6, Day = 2 } },
            Sections =
            {
                new ReportSection
                {
                    Title = "Grant rounds", Clauses = { "MOU 2.4.2" }, Note = "Awards decided within the period.",
                    Dimensions = { "financial_year" }, Measures = { "budget_pence", "applications", "average_days" },
                    Rows = { new ReportRow { Labels = { "2026-27" }, Values = { 1_000_000, 12, 2.5 } } },
                },
                new ReportSection { Title = "Empty", Dimensions = { "status" }, Measures = { "centres" } },
            },
        };
        var lines = ReviewReportScreen.Describe(report).Replace("\r", "").Split('\n');
        Assert.Contains("  Clauses: MOU 2.4.2", lines);
        Assert.Contains("  Note: Awards decided within the period.", lines);
        Assert.Contains("  financial year    budget £  applications  average days", lines);
        Assert.Contains("  2026-27         £10,000.00            12           2.5", lines);
        Assert.Contains("  (no figures for the period)", lines);
    }
}
