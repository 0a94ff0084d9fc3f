using Contact.Admin.Views;
using Contact.Client;
using Contact.Tests.Support;
using Contact.V1;
using Terminal.Gui.Input;

namespace Contact.Admin.Tests;

/// <summary>
/// The concern screens beyond the basic triage: live refresh from WatchConcerns (no keypress), and
/// the steps for unaccredited organisations (policy 1.6) and closing with no further action.
/// </summary>
public sealed class ConcernScreensTests
{
    private static readonly UnregisteredOrganisation HappyFamilies = new()
    {
        Name = "Happy Families Contact Ltd", Address = "Market Street, Newark", Offers = "supervised contact at weekends",
    };

    private static Concern AboutOrganisation(string description) => new()
    {
        Type = ConcernType.UnaccreditedOrganisation, Description = description, Organisation = HappyFamilies,
    };

    private static string Raise(ContactClient practitioner, Concern concern) =>
        HeadlessConsole.Block(() => practitioner.Concerns.RaiseConcernAsync(new RaiseConcernRequest { Concern = concern }).ResponseAsync).Name;

    private static Concern Record(ContactClient nct, string name, ConcernAction action, string note = "") =>
        HeadlessConsole.Block(() => nct.Concerns.RecordConcernActionAsync(new RecordConcernActionRequest { Concern = name, Action = action, Note = note }).ResponseAsync);

    [Fact]
    public async Task A_concern_raised_elsewhere_joins_the_open_queue_without_a_keypress()
    {
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        var practitioner = await host.ClientAsync(Role.Practitioner, fcaId: "fca-1");
        using var console = new HeadlessConsole(nct);
        console.Main.Home(new ConcernsScreen(console.Main));
        console.WaitFor("0 open concerns");

        Raise(practitioner, AboutOrganisation("Advertises supervised contact; not on the register."));

        console.WaitFor("1 open concern");               // only pumping the UI loop
        Assert.Contains("Happy Families Contact", console.Screen);
        Assert.True(console.Main.ConcernFeed.LastSequence > 0);
    }

    [Fact]
    public async Task A_step_recorded_by_another_operator_shows_on_the_open_concern()
    {
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        var colleague = await host.ClientAsync(Role.NctOperator);
        var practitioner = await host.ClientAsync(Role.Practitioner, fcaId: "fca-1");
        var name = Raise(practitioner, AboutOrganisation("Advertises supervised contact; not on the register."));
        using var console = new HeadlessConsole(nct);
        console.Main.Show(new ConcernDetailScreen(console.Main, name));
        console.WaitFor("RAISED");

        Record(colleague, name, ConcernAction.StartReview);
        Record(colleague, name, ConcernAction.AddNote, "Phoned the organisation; call back on Monday");

        console.WaitFor("Phoned the organisation");
        Assert.Contains("UNDER REVIEW", console.Screen);
    }

    [Fact]
    public async Task Open_concerns_on_a_centre_detail_follow_the_stream()
    {
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        var practitioner = await host.ClientAsync(Role.Practitioner, fcaId: "fca-1");
        var centre = await nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid("Riverside Family Contact Centre") });
        using var console = new HeadlessConsole(nct);
        console.Main.Show(new CentreDetailScreen(console.Main, centre.Name));
        console.WaitFor("Open concerns: 0");

        Raise(practitioner, new Concern { Type = ConcernType.StandardsCompliance, Centre = centre.Name, Description = "Handover observed without a worker present." });

        console.WaitFor("Open concerns: 1");
    }

    [Fact]
    public async Task Encourages_accreditation_links_the_register_entry_and_closes_with_no_further_action()
    {
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        var practitioner = await host.ClientAsync(Role.Practitioner, fcaId: "fca-1");
        var name = Raise(practitioner, AboutOrganisation("Advertises supervised contact; not on the register."));
        // The organisation has since applied and has a register entry.
        var entry = await nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid("Happy Families Contact Centre") });
        await nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid("Happy Valley Contact Centre") });
        Record(nct, name, ConcernAction.StartReview);

        using (var console = new HeadlessConsole(nct))
        {
            var detail = new ConcernDetailScreen(console.Main, name);
            console.Main.Show(detail);
            console.WaitFor("UNDER REVIEW");

            detail.Choose(ConcernAction.EncourageAccreditation);
            console.Press(Key.S.WithCtrl);
            console.WaitFor("ACCREDITATION ENCOURAGED");

            // A name that matches two entries is stopped here, with the field marked; nothing is sent.
            detail.Choose(ConcernAction.LinkCentre);
            detail.EnterCentre("Happy");
            console.Press(Key.S.WithCtrl);
            console.WaitFor("matches 2 centres");
            Assert.Contains("Centre!", console.Screen);

            detail.EnterCentre("Happy Families Contact Centre");
            console.Press(Key.S.WithCtrl);
            console.WaitFor("Recorded: link to register");
            console.WaitFor("Centre: Happy Families Contact Centre, centres/");

            // No further action needs a reason: refused in words, the note field marked.
            detail.Choose(ConcernAction.CloseNoFurtherAction);
            console.Press(Key.S.WithCtrl);
            console.WaitFor("Note!");
            Assert.Contains("ACCREDITATION ENCOURAGED", console.Screen);

            console.Type("Now on the register as a candidate; NACCC assesses it");
            console.Press(Key.S.WithCtrl);
            console.WaitFor("NO FURTHER ACTION");
        }
        var stored = await nct.Concerns.GetConcernAsync(new GetConcernRequest { Name = name });
        Assert.Equal(ConcernStatus.NoFurtherAction, stored.Status);
        Assert.Equal(entry.Name, stored.Centre);
        Assert.Equal("Now on the register as a candidate; NACCC assesses it", stored.Timeline.Last().Note);
    }
}
