using Contact.Admin.Views;
using Contact.Client;
using Contact.Tests.Support;
using Contact.V1;
using Terminal.Gui.Input;

namespace Contact.Admin.Tests;

/// <summary>
/// Tasks done at 80x24 in few keystrokes (issue 19), counted: every key pressed counts, typed
/// text does not.
/// </summary>
public sealed class FindingTests
{
    /// <summary>Presses keys and counts them.</summary>
    private sealed class Counted(HeadlessConsole console)
    {
        public int Keys { get; private set; }

        public void Press(params Key[] keys)
        {
            Keys += keys.Length;
            console.Press(keys);
        }
    }

    private static async Task<(TestHost Host, ContactClient Nct, Centre Centre)> StartAsync()
    {
        var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        await nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid("Hilltop Child Contact Service") });
        var created = await nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid("Harrow Child Contact Centre") });
        var accredited = await nct.Register.RecordAccreditationDecisionAsync(new RecordAccreditationDecisionRequest
        {
            Centre = created.Name, Level = AccreditationLevel.Standard, Action = AccreditationAction.Grant, Reason = "Assessment passed",
        });
        return (host, nct, accredited);
    }

    [Fact]
    public async Task Opens_a_centre_by_name_from_anywhere_in_at_most_4_keys()
    {
        var (host, nct, centre) = await StartAsync();
        await using var _ = host;
        using var console = new HeadlessConsole(nct);
        console.Main.Home(new KeysScreen(console.Main));              // anywhere: not the register
        console.WaitFor(" (active).");
        var keys = new Counted(console);

        keys.Press(Key.P.WithCtrl);
        console.Type("harrow");
        console.WaitFor("Harrow Child Contact Centre");
        keys.Press(Key.Enter);
        console.WaitFor("Standard: ACCREDITED");
        Assert.Equal(centre.Name, Assert.IsType<CentreDetailScreen>(console.Main.Current).Centre?.Name);
        Assert.True(keys.Keys <= 4, $"{keys.Keys} keys");
    }

    [Fact]
    public async Task The_palette_opens_a_screen_by_name_and_esc_clears_before_closing()
    {
        var (host, nct, _) = await StartAsync();
        await using var _ = host;
        using var console = new HeadlessConsole(nct);
        console.WaitFor("found, page");
        console.Press(Key.P.WithCtrl);
        console.Type("audit");
        console.WaitIdle();
        var palette = Assert.IsType<PaletteScreen>(console.Main.Current);
        Assert.Contains("Screen: Audit trail", palette.Matches);
        console.Press(Key.Esc);                                        // clears what was typed
        Assert.IsType<PaletteScreen>(console.Main.Current);
        console.Type("refer");
        console.Press(Key.Enter);
        console.WaitUntil(_ => console.Main.Current is ReferralsScreen, "the referrals screen");
    }

    [Fact]
    public async Task Suspends_a_level_with_a_reason_and_confirms_in_at_most_10_keys()
    {
        var (host, nct, centre) = await StartAsync();
        await using var _ = host;
        using (var console = new HeadlessConsole(nct))
        {
            console.Main.Show(new CentreDetailScreen(console.Main, centre.Name));
            console.WaitFor("Standard: ACCREDITED");
            var keys = new Counted(console);

            keys.Press(Key.F4);
            console.Type("Safeguarding concern under review");
            keys.Press(Key.Tab, Key.Space);                            // level: Standard
            keys.Press(Key.Tab, Key.CursorRight, Key.CursorRight, Key.Space);   // decision: Suspend
            keys.Press(Key.S.WithCtrl);
            console.WaitUntil(_ => console.Main.Current is ConfirmScreen, "the confirmation");
            Assert.Contains("Suspend Standard (supported) accreditation of Harrow Child Contact Centre from today", ((ConfirmScreen)console.Main.Current!).Question);
            keys.Press(Key.Tab, Key.Enter);
            console.WaitFor("Standard: SUSPENDED");
            Assert.True(keys.Keys <= 10, $"{keys.Keys} keys");
        }
        var stored = await nct.Register.GetCentreAsync(new GetCentreRequest { Name = centre.Name });
        Assert.Equal(AccreditationStatus.Suspended, stored.Accreditations.Single().Status);
    }

    [Fact]
    public async Task Issues_a_key_for_a_centre_picked_by_name_in_at_most_10_keys()
    {
        var (host, nct, centre) = await StartAsync();
        await using var _ = host;
        using (var console = new HeadlessConsole(nct))
        {
            console.Main.Home(new KeysScreen(console.Main));
            console.WaitFor(" (active).");
            var keys = new Counted(console);

            keys.Press(Key.F6);
            console.Type("Harrow front desk");
            keys.Press(Key.Tab);                                       // the role
            keys.Press(Key.CursorDown, Key.CursorDown, Key.CursorDown, Key.CursorDown, Key.Space);   // contact centre
            keys.Press(Key.Tab, Key.Tab);                              // past the FCA id, to the centre
            console.Type("harrow");
            keys.Press(Key.S.WithCtrl);
            console.WaitUntil(_ => console.Main.Current is SecretScreen, "the new key's secret");
            Assert.True(keys.Keys <= 10, $"{keys.Keys} keys");
        }
        var issued = (await nct.Access.ListApiKeysAsync(new ListApiKeysRequest { PageSize = 100 })).ApiKeys.Single(k => k.DisplayName == "Harrow front desk");
        Assert.Equal((centre.Name, Role.ContactCentre), (issued.Centre, issued.Roles.Single()));
    }

    [Fact]
    public async Task The_key_list_shows_each_keys_centre_by_name()
    {
        var (host, nct, centre) = await StartAsync();
        await using var _ = host;
        await nct.Access.IssueApiKeyAsync(new IssueApiKeyRequest { DisplayName = "Front desk", Centre = centre.Name, Roles = { Role.ContactCentre }, ValidDays = 30 });
        using var console = new HeadlessConsole(nct);
        console.Main.Home(new KeysScreen(console.Main));
        console.WaitFor("Front desk");
        Assert.Contains("Harrow Child Contact", console.Screen);
    }

    [Fact]
    public async Task Finds_the_nearest_supervised_centres_to_a_postcode_with_waiting_times_in_at_most_8_keys()
    {
        var (host, nct, _) = await StartAsync();
        await using var _ = host;
        // The postcode directory, as NCT imports it (ONSPD layout): LS1 4AP only.
        using (var import = nct.Postcodes.ImportPostcodes())
        {
            await import.RequestStream.WriteAsync(new ImportPostcodesRequest { CsvChunk = Google.Protobuf.ByteString.CopyFromUtf8(
                "pcd,pcd2,pcds,dointr,doterm,oseast1m,osnrth1m,lat,long\nLS1  4AP,LS1  4AP,LS1 4AP,198001,,429900,433500,53.799000,-1.549000\n") });
            await import.RequestStream.CompleteAsync();
            Assert.Equal(1, (await import).ImportedCount);
        }
        var leeds = await nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid("Leeds Family Contact Centre", 53.7965, -1.5478) });
        foreach (var level in new[] { AccreditationLevel.Standard, AccreditationLevel.Enhanced })
            await nct.Register.RecordAccreditationDecisionAsync(new RecordAccreditationDecisionRequest { Centre = leeds.Name, Level = level, Action = AccreditationAction.Grant, Reason = "Panel" });
        using var console = new HeadlessConsole(nct);
        console.WaitFor("found, page");
        var keys = new Counted(console);

        keys.Press(Key.N.WithCtrl);                                    // Near, from the register
        console.Type("LS1 4AP");
        keys.Press(Key.Tab, Key.CursorRight, Key.Space);               // for: supervised
        keys.Press(Key.F5);
        console.WaitFor("Leeds Family Contact");
        var near = Assert.IsType<NearScreen>(console.Main.Current);
        var screen = console.Screen;
        Assert.Contains("offered for supervised contact", screen);
        Assert.Contains("3 weeks", screen);
        Assert.Contains(" km", screen);
        Assert.DoesNotContain("Harrow", screen);                       // accredited for supported contact only
        Assert.Equal(leeds.Name, near.Results.First().Summary.Name);
        Assert.True(keys.Keys <= 8, $"{keys.Keys} keys");
    }

    [Fact]
    public async Task A_refused_key_at_start_up_says_so_where_the_register_would_be()
    {
        await using var host = await TestHost.StartAsync();
        using var client = host.Client("not-a-key-this-server-issued");
        using var console = new HeadlessConsole(client, waitForLive: false);
        console.WaitFor("refused this console's API key");
        Assert.DoesNotContain("0 found", console.Screen);
    }
}
