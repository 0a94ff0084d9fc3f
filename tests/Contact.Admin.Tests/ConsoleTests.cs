using Contact.Admin.Views;
using Contact.Client;
using Contact.Tests.Support;
using Contact.V1;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace Contact.Admin.Tests;

/// <summary>
/// The console's real views, driven headless with injected keys against the real server wiring
/// (in process, through a real GrpcChannel).
/// </summary>
public sealed class ConsoleTests
{
    private static async Task<(TestHost Host, ContactClient Nct, Centre Centre)> StartWithAccreditedCentreAsync(string name = "Riverside Family Contact Centre")
    {
        var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        var created = await nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid(name) });
        await nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid("Hilltop Child Contact Service") });
        var accredited = await nct.Register.RecordAccreditationDecisionAsync(new RecordAccreditationDecisionRequest
        {
            Centre = created.Name, Level = AccreditationLevel.Standard, Action = AccreditationAction.Grant, Reason = "Assessment passed",
        });
        return (host, nct, accredited);
    }

    [Fact]
    public async Task Finds_a_centre_and_opens_it()
    {
        var (host, nct, centre) = await StartWithAccreditedCentreAsync();
        await using var _ = host;
        using (var console = new HeadlessConsole(nct))
        {
            console.WaitFor("2 found");
            console.Type("riverside");
            console.Press(Key.Enter);
            console.WaitFor("1 found");
            Assert.Contains("Riverside Family Contact", console.Screen);
            Assert.DoesNotContain("Hilltop", console.Screen);
            Assert.Contains("accredited", console.Screen);

            console.Press(Key.Enter);
            console.WaitFor("Organisation: Test Family Support");
            var screen = console.Screen;
            Assert.Contains("Standard: ACCREDITED", screen);
            Assert.Contains("Waiting time: 3 weeks", screen);
            Assert.IsType<CentreDetailScreen>(console.Main.Current);

            console.Press(Key.Esc);
            console.WaitFor("1 found");
            Assert.IsType<CentresScreen>(console.Main.Current);
        }
    }

    [Fact]
    public async Task The_mouse_opens_a_centre_and_the_status_bar_goes_back()
    {
        var (host, nct, _) = await StartWithAccreditedCentreAsync();
        await using var _ = host;
        using var console = new HeadlessConsole(nct);
        console.WaitFor("2 found");
        var row = console.Screen.Split('\n').ToList().FindIndex(l => l.Contains("Riverside"));
        console.App.InjectSequence(InputInjectionExtensions.LeftButtonDoubleClick(new System.Drawing.Point(5, row)));
        console.WaitFor("Organisation: Test Family Support");
        Assert.Contains("Riverside Family Contact Centre", console.Screen);

        var status = console.Screen.Split('\n')[23];
        console.App.InjectSequence(InputInjectionExtensions.LeftButtonClick(new System.Drawing.Point(status.IndexOf("Back", StringComparison.Ordinal), 23)));
        console.WaitFor("2 found");
        Assert.IsType<CentresScreen>(console.Main.Current);
    }

    [Fact]
    public async Task Records_a_suspension_and_the_status_changes()
    {
        var (host, nct, centre) = await StartWithAccreditedCentreAsync();
        await using var _ = host;
        using (var console = new HeadlessConsole(nct))
        {
            console.Main.Show(new CentreDetailScreen(console.Main, centre.Name));
            console.WaitFor("Standard: ACCREDITED");

            console.Press(Key.F4);
            console.WaitFor("Decision — Riverside");
            Assert.DoesNotContain("◉", console.Screen);          // nothing chosen until the operator chooses
            console.Type("Safeguarding concern under review");
            console.Press(Key.Tab);                              // reason → level
            console.Press(Key.Space);                            // Standard
            console.Press(Key.Tab, Key.CursorRight, Key.CursorRight, Key.Space);   // Grant → Renew → Suspend
            console.Press(Key.S.WithCtrl);
            console.Confirm("Suspend Standard (supported) accreditation of Riverside Family Contact Centre from today");

            console.WaitFor("Standard: SUSPENDED");
            Assert.IsType<CentreDetailScreen>(console.Main.Current);
            Assert.Contains("suspend: accredited -> suspended", console.Screen);
            Assert.Contains("Recorded: suspend", console.Screen);
        }
        var stored = await nct.Register.GetCentreAsync(new GetCentreRequest { Name = centre.Name });
        Assert.Equal(AccreditationStatus.Suspended, stored.Accreditations.Single(a => a.Level == AccreditationLevel.Standard).Status);
    }

    [Fact]
    public async Task A_refused_decision_is_told_in_words_with_its_clause_and_nothing_changes()
    {
        var (host, nct, centre) = await StartWithAccreditedCentreAsync();
        await using var _ = host;
        using (var console = new HeadlessConsole(nct))
        {
            var decision = new DecisionScreen(console.Main, centre);
            console.Main.Show(decision);
            decision.Choose(AccreditationLevel.Standard, AccreditationAction.Reinstate);   // reinstating what is not suspended
            console.Type("Try to reinstate");
            console.Press(Key.S.WithCtrl);
            console.Confirm("Reinstate Standard (supported) accreditation of Riverside Family Contact Centre from today");
            console.WaitFor("Refused");
            var screen = console.Screen;
            Assert.DoesNotContain("   at ", screen);       // no stack trace
            Assert.DoesNotContain("Exception", screen);
            Assert.IsType<DecisionScreen>(console.Main.Current);
        }
        var stored = await nct.Register.GetCentreAsync(new GetCentreRequest { Name = centre.Name });
        Assert.Equal(AccreditationStatus.Accredited, stored.Accreditations.Single().Status);
    }

    [Fact]
    public async Task A_change_recorded_elsewhere_refreshes_the_open_table_without_a_keypress()
    {
        var (host, nct, centre) = await StartWithAccreditedCentreAsync();
        await using var _ = host;
        var naccc = await host.ClientAsync(Role.Naccc);
        using var console = new HeadlessConsole(nct);
        console.WaitForLiveFeed();
        console.WaitUntil(s => s.Contains("accredited") && !s.Contains("suspended"), "the accredited centre");

        HeadlessConsole.Block(() => naccc.Register.RecordAccreditationDecisionAsync(new RecordAccreditationDecisionRequest
        {
            Centre = centre.Name, Level = AccreditationLevel.Standard, Action = AccreditationAction.Suspend, Reason = "Concern raised",
        }).ResponseAsync);

        console.WaitFor("suspended");     // only pumping the UI loop: no key pressed
        Assert.True(console.Main.AccreditationFeed.LastSequence > 0);
    }

    [Fact]
    public async Task Issues_a_key_shown_once_and_revokes_it()
    {
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        string secret;
        using (var console = new HeadlessConsole(nct))
        {
            console.Main.Home(new KeysScreen(console.Main));
            console.WaitFor(" (active).");

            console.Press(Key.F6);
            console.WaitFor("Issue an API key");
            console.Type("Sam Auditor");
            console.Press(Key.Tab);                                   // to the role list
            for (var i = 0; i < 6; i++) console.Press(Key.CursorDown); // down to "auditor"
            console.Press(Key.Space);
            console.Press(Key.S.WithCtrl);

            console.WaitFor("New key — copy it now");
            secret = Assert.IsType<SecretScreen>(console.Main.Current).Secret;
            Assert.Contains(secret[..20], console.Screen);

            console.Press(Key.Esc);
            console.WaitFor("Sam Auditor");
            Assert.Contains("auditor", console.Screen);
            Assert.DoesNotContain(secret[..20], console.Screen);     // the list never shows a secret

            var keys = Assert.IsType<KeysScreen>(console.Main.Current);
            var row = keys.Keys.ToList().FindIndex(k => k.DisplayName == "Sam Auditor");
            console.Press(Key.Home);
            for (var i = 0; i < row; i++) console.Press(Key.CursorDown);
            console.Press(Key.F8);
            console.WaitFor("Revoke the key of \"Sam Auditor\"");
            console.Press(Key.Tab.WithShift);                          // from "Keep" to "Revoke"
            console.Press(Key.Enter);
            console.WaitFor("Revoked the key of Sam Auditor");
            console.WaitUntil(s => !s.Contains("Sam Auditor │"), "the revoked key to leave the active list");
        }
        var refused = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() =>
            host.Client(secret).Access.GetCallerIdentityAsync(new GetCallerIdentityRequest()).ResponseAsync);
        Assert.Equal(Grpc.Core.StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Fact]
    public async Task Triages_a_concern_to_naccc_alerted()
    {
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        var practitioner = await host.ClientAsync(Role.Practitioner, fcaId: "fca-1");
        string name;
        using (var console = new HeadlessConsole(nct))
        {
            name = HeadlessConsole.Block(() => practitioner.Concerns.RaiseConcernAsync(new RaiseConcernRequest
            {
                Concern = new Concern
                {
                    Type = ConcernType.UnaccreditedOrganisation,
                    Description = "Advertises supervised contact in the local paper; not on the NACCC register.",
                    Organisation = new UnregisteredOrganisation { Name = "Happy Families Contact Ltd", Address = "Market Street, Newark", Offers = "supervised contact at weekends" },
                },
            }).ResponseAsync).Name;

            console.Main.Home(new ConcernsScreen(console.Main));
            console.WaitFor("1 open concern");
            Assert.Contains("Happy Families Contact", console.Screen);
            Assert.Contains("raised", console.Screen);

            console.Press(Key.Enter);
            console.WaitFor("Concern: Advertises supervised contact");
            var detail = Assert.IsType<ConcernDetailScreen>(console.Main.Current);

            // A response before NACCC was alerted is refused, in words with its clause.
            detail.Choose(ConcernAction.RecordNacccResponse);
            console.Type("Too early");
            console.Press(Key.S.WithCtrl);
            console.WaitFor("Refused under Policy");
            Assert.DoesNotContain("Exception", console.Screen);

            detail.Choose(ConcernAction.StartReview);
            console.Press(Key.S.WithCtrl);
            console.WaitFor("UNDER REVIEW");

            detail.Choose(ConcernAction.AlertNaccc);
            console.Type("Unaccredited supervised contact advertised in Newark");
            console.Press(Key.S.WithCtrl);
            console.Confirm("Alert NACCC about Happy Families Contact Ltd");
            console.WaitFor("NACCC ALERTED");
            Assert.Contains("Recorded: alert NACCC", console.Screen);
            Assert.Contains("NACCC alerted", console.Screen);
            Assert.Contains("Unaccredited supervised contact advertised", console.Screen);

            console.Press(Key.Esc);
            console.WaitFor("NACCC alerted");
            Assert.IsType<ConcernsScreen>(console.Main.Current);
        }
        var stored = await nct.Concerns.GetConcernAsync(new GetConcernRequest { Name = name });
        Assert.Equal(ConcernStatus.NacccAlerted, stored.Status);
        Assert.Equal("Unaccredited supervised contact advertised in Newark", stored.NacccAlert.Sent);
    }

    [Fact]
    public async Task The_centre_detail_counts_its_open_concerns()
    {
        var (host, nct, centre) = await StartWithAccreditedCentreAsync();
        await using var _ = host;
        var practitioner = await host.ClientAsync(Role.Practitioner, fcaId: "fca-1");
        await practitioner.Concerns.RaiseConcernAsync(new RaiseConcernRequest
        {
            Concern = new Concern { Type = ConcernType.Quality, Centre = centre.Name, Description = "Volunteers left children unattended in the garden." },
        });
        using var console = new HeadlessConsole(nct);
        console.Main.Show(new CentreDetailScreen(console.Main, centre.Name));
        console.WaitFor("Open concerns: 1");
    }

    [Fact]
    public async Task Creating_a_centre_shows_the_server_field_problems_beside_the_fields()
    {
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        using var console = new HeadlessConsole(nct);
        console.Main.Show(new CentreEditScreen(console.Main, null));
        console.WaitFor("New centre");
        console.Type("Nowhere Centre");
        console.Press(Key.S.WithCtrl);
        console.WaitFor("Postcode!");
        var screen = console.Screen;
        Assert.Contains("organisation:", screen);
        Assert.Contains("postcode: must be a valid UK postcode", screen);
        Assert.Contains("Town!", screen);
        Assert.DoesNotContain("Exception", screen);
        Assert.IsType<CentreEditScreen>(console.Main.Current);
    }

    [Fact]
    public async Task Imports_a_csv_in_batches_and_reports_each_refused_row()
    {
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        var file = Path.Combine(host.DataDirectory, "register.csv");
        Directory.CreateDirectory(host.DataDirectory);
        var lines = new List<string> { "display_name,organisation,contact_types,town,postcode,latitude,longitude" };
        for (var i = 0; i < 130; i++) lines.Add($"Centre {i},Org {i},supported|supervised,Leeds,LS1 4AP,53.79,-1.54");
        lines.Add("Bad Postcode Centre,Org X,supported,Leeds,NOT A POSTCODE,53.79,-1.54");
        lines.Add("Bad Type Centre,Org Y,telepathic,Leeds,LS1 4AP,53.79,-1.54");
        await File.WriteAllLinesAsync(file, lines);

        using (var console = new HeadlessConsole(nct))
        {
            var import = new ImportScreen(console.Main, file);
            console.Main.Home(import);
            console.Press(Key.S.WithCtrl);
            console.Confirm("Store 131 centres from \"register.csv\": create 131, replace the details of 0?");
            console.WaitUntil(_ => import.Finished, "the import to finish");
            console.WaitFor("130 created, 0 updated, 2 refused");
            Assert.Contains("line 132: postcode: must be a valid UK postcode", import.Report);
            Assert.Contains("line 133: contact type \"telepathic\"", import.Report);
        }
        var listed = await nct.Register.ListCentresAsync(new ListCentresRequest { PageSize = 1 });
        Assert.Equal(130, listed.TotalSize);
    }

    [Theory]
    [InlineData('C', 'R', "Referrals")]
    [InlineData('C', 'I', "Information sharing")]
    [InlineData('C', 'O', "Concerns")]
    [InlineData('U', 'G', "Grant rounds")]
    [InlineData('U', 'M', "MOU review report")]
    [InlineData('A', 'K', "API keys")]
    [InlineData('A', 'A', "Audit trail")]
    [InlineData('R', 'C', "Centres")]
    public async Task Each_menu_entry_opens_its_screen_with_help_and_Esc_comes_back(char menu, char entry, string title)
    {
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        using var console = new HeadlessConsole(nct);
        console.WaitFor("0 found");

        console.Press(new Key(menu).WithAlt);
        console.Press(new Key(entry));
        console.WaitUntil(_ => console.Main.Current?.Title == title, $"the {title} screen");
        console.WaitFor($"┤{title}├");

        console.Press(Key.F1);
        console.WaitFor($"Help — {title}");
        Assert.DoesNotContain("Exception", console.Screen);
        console.Press(Key.Esc);
        console.WaitUntil(_ => console.Main.Current?.Title == title, $"the {title} screen again");
    }

    [Fact]
    public async Task Verifies_the_audit_chain()
    {
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        using var console = new HeadlessConsole(nct);
        console.Main.Home(new AuditScreen(console.Main));
        console.WaitFor("entries on page 1");
        console.Press(Key.F7);
        console.WaitFor("Audit chain intact");
    }
}
