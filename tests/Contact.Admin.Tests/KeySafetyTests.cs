using Contact.Admin.Views;
using Contact.Client;
using Contact.Tests.Support;
using Contact.V1;
using Google.Protobuf;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace Contact.Admin.Tests;

/// <summary>
/// No keystroke records anything by accident (issue 19): plain letters never act, nothing
/// consequential is preselected, unsaved work is never dropped without asking. Each test drives
/// the real screens with injected keys and checks the server through the API.
/// </summary>
public sealed class KeySafetyTests
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz0123456789";

    private static async Task<(TestHost Host, ContactClient Nct, Centre Centre)> StartAsync()
    {
        var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        var created = await nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid("Harrow Child Contact Centre") });
        var accredited = await nct.Register.RecordAccreditationDecisionAsync(new RecordAccreditationDecisionRequest
        {
            Centre = created.Name, Level = AccreditationLevel.Standard, Action = AccreditationAction.Grant, Reason = "Assessment passed",
        });
        return (host, nct, accredited);
    }

    private static Centre Stored(ContactClient nct, Centre centre) =>
        HeadlessConsole.Block(() => nct.Register.GetCentreAsync(new GetCentreRequest { Name = centre.Name }).ResponseAsync);

    private static DecisionScreen OpenDecision(HeadlessConsole console, Centre centre)
    {
        console.Main.Show(new CentreDetailScreen(console.Main, centre.Name));
        console.WaitFor("Standard: ACCREDITED");
        console.Press(Key.F4);
        console.WaitFor("Decision — Harrow");
        return Assert.IsType<DecisionScreen>(console.Main.Current);
    }

    [Fact]
    public async Task A_plain_r_on_the_decision_options_records_nothing()
    {
        var (host, nct, centre) = await StartAsync();
        await using var _ = host;
        using (var console = new HeadlessConsole(nct))
        {
            OpenDecision(console, centre);
            console.Type("Stray keys");
            console.Press(Key.Tab, Key.Tab);                      // onto the decision options
            console.Press(new Key('r'));                          // was the Record button's hotkey, with Suspend preselected
            console.Press(Key.Tab.WithShift);                     // the level options
            console.Press(new Key('r'));
            console.WaitIdle();
            Assert.IsType<DecisionScreen>(console.Main.Current);
            Assert.DoesNotContain("Recorded", console.Screen);
            Assert.DoesNotContain("◉", console.Screen);           // nothing chosen by a letter either
        }
        Assert.Equal(AccreditationStatus.Accredited, Stored(nct, centre).Accreditations.Single().Status);
    }

    [Fact]
    public async Task A_reason_typed_with_the_focus_on_an_option_row_lands_nowhere_and_opens_no_menu()
    {
        var (host, nct, centre) = await StartAsync();
        await using var _ = host;
        using (var console = new HeadlessConsole(nct))
        {
            OpenDecision(console, centre);
            console.Press(Key.Tab);                               // the level options
            console.Type("safeguarding review: file export requested");   // once: f opened File, e picked Export
            Assert.Null(console.App.Popovers!.GetActivePopover());
            Assert.IsType<DecisionScreen>(console.Main.Current);
            Assert.DoesNotContain("◉", console.Screen);           // a space between stray words chooses nothing
            console.Press(Key.S.WithCtrl);                        // nothing chosen: refused on the form
            console.WaitFor("Not recorded");
            Assert.True(console.Screen.Contains("choose the level"), console.Screen);
            Assert.IsType<DecisionScreen>(console.Main.Current);
        }
        Assert.Single(Stored(nct, centre).Accreditations.Single().History);
    }

    [Fact]
    public async Task A_bare_ctrl_s_on_a_decision_with_only_a_reason_records_nothing()
    {
        var (host, nct, centre) = await StartAsync();
        await using var _ = host;
        using (var console = new HeadlessConsole(nct))
        {
            OpenDecision(console, centre);
            console.Type("Safeguarding concern under review");
            console.Press(Key.S.WithCtrl);
            console.WaitFor("Not recorded");
            var screen = console.Screen;
            Assert.Contains("choose the level", screen);
            Assert.Contains("choose the decision", screen);
            Assert.IsType<DecisionScreen>(console.Main.Current);   // no confirmation either: there is nothing to confirm
        }
        var stored = Stored(nct, centre).Accreditations.Single();
        Assert.Equal((AccreditationStatus.Accredited, 1), (stored.Status, stored.History.Count));
    }

    [Fact]
    public async Task Alt_c_on_import_opens_the_cases_menu_and_esc_leaves_the_screen()
    {
        var (host, nct, _) = await StartAsync();
        await using var _ = host;
        using var console = new HeadlessConsole(nct);
        var import = new ImportScreen(console.Main);
        console.Main.Home(import);
        console.WaitFor("CSV file:");
        console.Press(Key.C.WithAlt);
        Assert.NotNull(console.App.Popovers!.GetActivePopover());    // the Cases menu
        Assert.Contains("Information sharing", console.Screen);
        Assert.False(import.CheckOnly);                                // not toggled
        console.Press(Key.Esc);                                        // closes the menu
        console.Press(Key.Esc);                                        // leaves the screen
        console.WaitFor("found, page");
        Assert.IsType<CentresScreen>(console.Main.Current);
    }

    [Fact]
    public async Task Esc_on_an_edited_form_asks_and_keep_returns_to_the_typed_work()
    {
        var (host, nct, centre) = await StartAsync();
        await using var _ = host;
        using (var console = new HeadlessConsole(nct))
        {
            console.Main.Show(new CentreEditScreen(console.Main, centre));
            console.WaitFor("Edit — Harrow");
            console.Press(Key.End);
            console.Type(" (Wealdstone)");
            console.Press(Key.Esc);
            console.WaitUntil(_ => console.Main.Current is ConfirmScreen, "the question");
            Assert.Contains("lose what you typed", console.Screen);
            console.Press(Key.Enter);                                  // Keep has the focus
            Assert.IsType<CentreEditScreen>(console.Main.Current);
            Assert.Contains("Harrow Child Contact Centre (Wealdstone)", console.Screen);

            console.Press(Key.Esc);
            console.Confirm("lose what you typed");
            Assert.IsType<CentresScreen>(console.Main.Current);
        }
        Assert.Equal("Harrow Child Contact Centre", Stored(nct, centre).DisplayName);
    }

    [Fact]
    public async Task Ctrl_q_with_unsaved_changes_asks_before_quitting()
    {
        var (host, nct, _) = await StartAsync();
        await using var _ = host;
        using var console = new HeadlessConsole(nct);
        console.Main.Show(new CentreEditScreen(console.Main, null));
        console.WaitFor("New centre");
        console.Type("Half-typed Centre");
        console.Press(Key.Q.WithCtrl);
        console.WaitUntil(_ => console.Main.Current is ConfirmScreen, "the question");
        Assert.Contains("Quit and lose what you typed in \"New centre\"?", console.Screen);
        console.Press(Key.Esc);                                        // keep
        Assert.IsType<CentreEditScreen>(console.Main.Current);
        Assert.Contains("Half-typed Centre", console.Screen);
    }

    [Fact]
    public async Task A_menu_jump_from_an_edited_form_asks_first()
    {
        var (host, nct, _) = await StartAsync();
        await using var _ = host;
        using var console = new HeadlessConsole(nct);
        console.Main.Show(new CentreEditScreen(console.Main, null));
        console.WaitFor("New centre");
        console.Type("Half-typed Centre");
        console.Main.Home(new KeysScreen(console.Main));               // what a menu entry does
        console.WaitUntil(_ => console.Main.Current is ConfirmScreen, "the question");
        Assert.Contains("lose what you typed in \"New centre\"", console.Screen);
        console.Press(Key.Esc);
        Assert.IsType<CentreEditScreen>(console.Main.Current);
    }

    /// <summary>
    /// The monkey: on every screen, every letter and digit, with Tab and Shift+Tab between them,
    /// and never Enter, Space, an F-key or a chord. Nothing is written: the store reads the same
    /// through the API, and the audit trail gains no call but reads.
    /// </summary>
    [Fact]
    public async Task Letters_and_digits_on_every_screen_record_nothing()
    {
        var (host, nct, centre) = await StartAsync();
        await using var _ = host;
        var naccc = await host.ClientAsync(Role.Naccc);
        var practitioner = await host.ClientAsync(Role.Practitioner, fcaId: "fca-1");
        var supervised = await Referrals.AccreditedCentreAsync(naccc, "Riverside Child Contact Centre", commissioned: true);
        var referral = await practitioner.Referrals.SubmitReferralAsync(new SubmitReferralRequest { Referral = Referrals.Valid(supervised.Name) });
        var concern = await practitioner.Concerns.RaiseConcernAsync(new RaiseConcernRequest
        {
            Concern = new Concern { Type = ConcernType.StandardsCompliance, Centre = centre.Name, Description = "Rooms left unsupervised" },
        });
        var round = await nct.Grants.CreateGrantRoundAsync(new CreateGrantRoundRequest { GrantRound = new GrantRound { FinancialYear = "2026-27", BudgetPence = 1_000_000 } });
        var own = await host.ClientAsync(Role.ContactCentre, centreId: centre.Name["centres/".Length..]);
        var application = await own.Grants.ApplyForGrantAsync(new ApplyForGrantRequest
        {
            Parent = round.Name, Application = new GrantApplication { Centre = centre.Name, RequestedPence = 200_000, Purpose = "Toys" },
        });
        var sharing = await naccc.InformationSharing.SubmitSharingRequestAsync(new SubmitSharingRequestRequest
        {
            SrsReference = "SRS-1", FamilyName = "Stone", ParentWishingContact = "Pat Parent", PartiesConsentedToChecks = true,
            Children = { new SharingChild { GivenNames = "Amelia", DateOfBirth = new Google.Type.Date { Year = 2019, Month = 3, Day = 14 } } },
        });

        var before = await StoreAsync(nct);
        var lastAudit = (await nct.Audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { PageSize = 1 })).Entries.Single().Sequence;
        var confirmed = false;

        using (var console = new HeadlessConsole(nct))
        {
            var m = console.Main;
            var screens = new List<Func<Screen>>
            {
                () => new CentresScreen(m), () => new CentreDetailScreen(m, centre.Name), () => new CentreEditScreen(m, centre),
                () => new CentreEditScreen(m, null), () => new DecisionScreen(m, centre),
                () => new ReferralsScreen(m), () => new ReferralDetailScreen(m, referral.Name),
                () => new SharingRequestsScreen(m), () => new SharingRequestDetailScreen(m, sharing.Name),
                () => new ConcernsScreen(m), () => new ConcernDetailScreen(m, concern.Name),
                () => new GrantRoundsScreen(m), () => new GrantApplicationsScreen(m, round.Name), () => new GrantRoundEditScreen(m),
                () => new GrantApplyScreen(m, round), () => new GrantAwardScreen(m, round, application), () => new GrantDeclineScreen(m, application),
                () => new ReviewReportScreen(m), () => new ImportScreen(m), () => new ExportScreen(m, new CentreFilter()),
                () => new KeysScreen(m), () => new IssueKeyScreen(m), () => new AuditScreen(m),
                () => new HelpScreen(m, new CentresScreen(m)), () => new SecretScreen(m, "Test", "secret-not-real"),
                () => new ConfirmScreen(m, "Revoke key", "Revoke the key?", "Revoke the key", _ => confirmed = true),
                () => new EditConflictScreen(m, centre.DisplayName, [new("Town", "Nottingham", "Derby", "Leicester")], () => confirmed = true, () => confirmed = true),
                () => new MessageLogScreen(m),
            };
            foreach (var make in screens)
            {
                var screen = make();
                m.Home(screen);
                console.WaitIdle();
                for (var i = 0; i < Letters.Length; i++)
                {
                    console.App.InjectKey(new Key(Letters[i]));
                    if (i % 3 != 2) continue;
                    console.App.InjectKey(i % 2 == 0 ? Key.Tab : Key.Tab.WithShift);
                    console.Pump();
                }
                console.WaitIdle();
                Assert.False(console.App.Popovers!.GetActivePopover() is not null, $"a menu opened on {screen.Title}");
                foreach (var open in m.Screens) open.MarkSaved();   // what the monkey typed is not work to keep
            }
        }

        Assert.False(confirmed);
        Assert.Equal(before, await StoreAsync(nct));
        var entries = (await nct.Audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { PageSize = 1000 })).Entries.Where(e => e.Sequence > lastAudit).ToList();
        Assert.NotEmpty(entries);                                     // the screens did read
        var writes = entries.Select(e => e.Method.Split('/').Last()).Where(method => !IsRead(method)).Distinct().ToList();
        Assert.True(writes.Count == 0, $"calls that write: {string.Join(", ", writes)}");
    }

    private static bool IsRead(string method) =>
        new[] { "Get", "List", "Watch", "Find", "Check", "LookUp", "Lookup", "Verify" }.Any(p => method.StartsWith(p, StringComparison.Ordinal));

    // Everything the console could change, as the API reads it.
    private static async Task<string> StoreAsync(ContactClient nct)
    {
        var parts = new List<IMessage>
        {
            await nct.Register.ListCentresAsync(new ListCentresRequest { PageSize = 1000 }),
            await nct.Referrals.ListReferralsAsync(new ListReferralsRequest { PageSize = 1000 }),
            await nct.Concerns.ListConcernsAsync(new ListConcernsRequest { PageSize = 1000 }),
            await nct.Grants.ListGrantRoundsAsync(new ListGrantRoundsRequest()),
            await nct.Grants.ListGrantApplicationsAsync(new ListGrantApplicationsRequest { Parent = "grantRounds/2026-27" }),
            await nct.InformationSharing.ListSharingRequestsAsync(new ListSharingRequestsRequest { PageSize = 1000 }),
            await nct.Access.ListApiKeysAsync(new ListApiKeysRequest { PageSize = 1000, ShowInactive = true }),
        };
        // Last use of a key moves with every read: that is not a change the console made.
        var keys = (ListApiKeysResponse)parts[^1];
        foreach (var k in keys.ApiKeys) k.LastUseTime = null;
        return string.Join("\n", parts.Select(p => JsonFormatter.Default.Format(p)));
    }
}
