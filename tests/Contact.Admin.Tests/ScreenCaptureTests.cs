using Contact.Admin.Views;
using Contact.Tests.Support;
using Contact.V1;
using Terminal.Gui.Input;
using Xunit.Abstractions;

namespace Contact.Admin.Tests;

/// <summary>
/// Renders each main screen at 80x24 over the demo register and checks it fits. With
/// CONTACT_CAPTURE_DIR set it also writes the captures there (docs/console.md's are made this way).
/// </summary>
public sealed class ScreenCaptureTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Each_main_screen_fits_80_by_24()
    {
        await using var host = await TestHost.StartAsync(demo: true);
        // The demo's own NCT key, as an operator would start the console.
        var keys = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(Path.Combine(host.DataDirectory, "demo-keys.json")))!;
        var nct = host.Client(keys["nct"]);
        var captures = new List<(string Name, string Text)>();
        using (var console = new HeadlessConsole(nct))
        {
            void Capture(string name)
            {
                console.WaitIdle();
                var text = console.Screen;
                var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where((l, i) => i < 24).ToList();
                Assert.Equal(24, lines.Count);
                Assert.All(lines, l => Assert.True(l.Length <= 80, $"{name}: a line is wider than 80 columns"));
                // The driver clips to 80x24, so check what clipping would lose: the frame's edges all show.
                Assert.True(lines[0].Contains("File") && lines[0].Contains("Help"), $"{name}: the menu bar is not on the first line");
                Assert.True(lines[1].TrimStart().StartsWith('┌') && lines[21].TrimStart().StartsWith('└'), $"{name}: the screen's frame does not fit lines 2 to 22");
                Assert.True(lines[23].TrimStart().StartsWith("F1  Help", StringComparison.Ordinal), $"{name}: the status bar is not on the last line");
                // Words for people: no enum value's name (NOT_ACCREDITED, WITH_FCA) on any screen.
                Assert.DoesNotMatch(PlainWordsTests.EnumToken, text);
                captures.Add((name, string.Join('\n', lines.Select(l => l.TrimEnd()))));
            }

            console.WaitForLiveFeed();
            console.WaitUntil(s => s.Contains(" found, page 1/"), "the register");
            Capture("Centres");

            console.Press(Key.Tab);
            console.Press(Key.Tab);
            console.Press(Key.Enter);
            console.WaitFor("Organisation:");
            Capture("Centre detail");

            console.Press(Key.F4);
            console.WaitFor("Decision —");
            Capture("Accreditation decision");
            console.Type("Safeguarding concern under review");
            console.Press(Key.Tab, Key.Space, Key.Tab, Key.CursorRight, Key.CursorRight, Key.Space, Key.S.WithCtrl);
            console.WaitUntil(_ => console.Main.Current is ConfirmScreen, "the confirmation");
            Capture("Confirming a decision");
            console.Press(Key.Esc);                                   // keep: back to the form
            console.Press(Key.Esc);                                   // leave it: it asks first
            console.Confirm("lose what you typed");

            console.Press(Key.F3);
            console.WaitFor("Edit —");
            Capture("Edit centre");
            console.Press(Key.Esc, Key.Esc);

            // Two concerns raised by the demo practitioner, so the queue has something to triage.
            var practitioner = host.Client(keys["practitioner"]);
            HeadlessConsole.Block(async () =>
            {
                await practitioner.Concerns.RaiseConcernAsync(new RaiseConcernRequest { Concern = new Concern
                {
                    Type = ConcernType.UnaccreditedOrganisation, Description = "Advertises supervised contact; not on the NACCC register.",
                    Organisation = new UnregisteredOrganisation { Name = "Happy Families Contact Ltd", Address = "Market Street, Newark", Offers = "supervised contact at weekends" },
                } });
                var centre = (await nct.Register.ListCentresAsync(new ListCentresRequest { PageSize = 1 })).Centres[0];
                await practitioner.Concerns.RaiseConcernAsync(new RaiseConcernRequest { Concern = new Concern
                {
                    Type = ConcernType.StandardsCompliance, Centre = centre.Name, Description = "Handover observed without a worker present.",
                } });
            });
            console.Main.Home(new ConcernsScreen(console.Main));
            console.WaitFor("2 open concerns");
            Capture("Concerns");

            console.Press(Key.Enter);
            console.WaitFor("Timeline:");
            Capture("Concern detail");

            console.Main.Home(new KeysScreen(console.Main));
            console.WaitFor(" (active).");
            Capture("API keys");

            console.Main.Home(new AuditScreen(console.Main));
            console.WaitFor("entries on page 1");
            console.Press(Key.F7);
            console.WaitFor("Audit chain intact");
            Capture("Audit trail");

            // Referrals from the demo practitioner to two accredited demo centres, one flagged when its
            // centre is suspended; two sharing requests from the demo NACCC, one routed to an FCA.
            HeadlessConsole.Block(async () =>
            {
                var supported = (await nct.Register.ListCentresAsync(new ListCentresRequest { PageSize = 100, ContactType = ContactType.Supported })).Centres
                    .Where(c => Words.StatusAt(c, AccreditationLevel.Standard) == AccreditationStatus.Accredited).Take(2).ToList();
                string? flagged = null;
                foreach (var (centre, number) in supported.Zip(["ZE26C00123", "ZE26C00456"]))
                {
                    var referral = Referrals.Valid(centre.Name);
                    referral.CaseNumber = number;
                    flagged = (await practitioner.Referrals.SubmitReferralAsync(new SubmitReferralRequest { Referral = referral })).Name;
                    host.Clock.Advance(TimeSpan.FromMinutes(1));
                }
                await nct.Register.RecordAccreditationDecisionAsync(new RecordAccreditationDecisionRequest
                {
                    Centre = supported[1].Name, Level = AccreditationLevel.Standard, Action = AccreditationAction.Suspend, Reason = "Safeguarding review",
                });
                await Referrals.WaitForFlagAsync(nct, flagged!);

                var naccc = host.Client(keys["naccc"]);
                await host.Client(keys["case-system"]).Cases.CreateCaseAsync(new CreateCaseRequest { Case = CaseScreensTests.OpenCase("ZW26C00321", "Lea", "Moss", CaseScreensTests.Dob(2019, 1, 1)) });
                var routed = await CaseScreensTests.Submit(naccc, "SRS-2026-0101", "Lea", "Moss", CaseScreensTests.Dob(2019, 1, 1));
                await host.Client(keys["call-centre"]).InformationSharing.LookUpCaseAsync(new LookUpCaseRequest { Name = routed.Name });
                host.Clock.Advance(TimeSpan.FromMinutes(5));
                await CaseScreensTests.Submit(naccc, "SRS-2026-0102", "Noor", "Waiting", CaseScreensTests.Dob(2020, 5, 6));
                host.Clock.Advance(TimeSpan.FromHours(25));   // past the call centre's one working day, not the FCA's two
            });
            console.Main.Home(new ReferralsScreen(console.Main));
            console.WaitFor("2 referrals.");
            Capture("Referrals");

            console.Press(Key.CursorDown, Key.Enter);
            console.WaitFor("History:");
            Capture("Referral detail");

            console.Main.Home(new SharingRequestsScreen(console.Main));
            console.WaitFor("2 requests.");
            Capture("Information sharing");
            console.Press(Key.CursorDown, Key.Enter);                 // the one the FCA has: Cafcass's notes too
            console.WaitUntil(_ => console.Main.Current is SharingRequestDetailScreen { Request: not null }, "the request");
            console.WaitIdle();
            Assert.DoesNotMatch(PlainWordsTests.EnumToken, console.Screen);
            Assert.DoesNotMatch(PlainWordsTests.EnumToken, ((SharingRequestDetailScreen)console.Main.Current!).Help);
            console.Press(Key.Esc);

            // A grant round with one award and two applications pending, so the funding screens have figures.
            HeadlessConsole.Block(async () =>
            {
                var round = await nct.Grants.CreateGrantRoundAsync(new CreateGrantRoundRequest { GrantRound = new GrantRound { FinancialYear = "2026-27", BudgetPence = 25_000_000 } });
                var accredited = (await nct.Register.ListCentresAsync(new ListCentresRequest { Status = AccreditationStatus.Accredited, ContactType = ContactType.Supported, PageSize = 50 })).Centres
                    .Where(c => Words.StatusAt(c, AccreditationLevel.Standard) == AccreditationStatus.Accredited).Take(3).ToList();
                var purposes = new[] { "Volunteer training and DBS checks", "Toys and a baby-change unit", "Rent of the Saturday hall" };
                var sums = new[] { 1_250_000L, 480_000L, 900_000L };
                for (var i = 0; i < accredited.Count; i++)
                {
                    var applied = await nct.Grants.ApplyForGrantAsync(new ApplyForGrantRequest
                    {
                        Parent = round.Name, Application = new GrantApplication { Centre = accredited[i].Name, RequestedPence = sums[i], Purpose = purposes[i] },
                    });
                    if (i == 0) await nct.Grants.AwardGrantAsync(new AwardGrantRequest { Name = applied.Name, AmountPence = 1_000_000, Note = "Training only" });
                }
            });
            console.Main.Home(new GrantRoundsScreen(console.Main));
            console.WaitFor("2026-27");
            Capture("Grant rounds");

            console.Press(Key.Enter);
            console.WaitFor("remaining £240,000.00");
            Capture("Grant applications");

            console.Main.Home(new ReviewReportScreen(console.Main));
            console.WaitFor("Centres by contact type");
            Capture("MOU review report");

            console.Main.Home(new ImportScreen(console.Main));
            Capture("Import register CSV");

            console.Main.Home(new CentresScreen(console.Main));
            console.WaitUntil(s => s.Contains(" found, page 1/"), "the register");
            console.Press(Key.N.WithCtrl);
            console.Type("LS1 4AP");
            console.Press(Key.Tab, Key.CursorRight, Key.Space, Key.F5);
            console.WaitUntil(s => s.Contains("offered for") || s.Contains("Not found"), "the nearest centres");
            Capture("Near (Ctrl+N)");

            console.Press(Key.P.WithCtrl);
            console.Type("contact");
            console.WaitUntil(s => s.Contains("Centre "), "centres in the palette");
            Capture("Go to (Ctrl+P)");

            console.Press(Key.F1);
            console.WaitFor("Help —");
            Capture("Help (F1)");
        }

        var text = string.Join("\n\n", captures.Select(c => $"### {c.Name}\n\n```text\n{c.Text}\n```"));
        output.WriteLine(text);
        if (Environment.GetEnvironmentVariable("CONTACT_CAPTURE_DIR") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            await File.WriteAllTextAsync(Path.Combine(dir, "console-screens.md"), text + "\n");
        }
    }
}
