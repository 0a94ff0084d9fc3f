using Contact.Admin.Views;
using Contact.Client;
using Contact.Tests.Support;
using Contact.V1;
using Google.Protobuf.WellKnownTypes;
using Terminal.Gui.Input;

namespace Contact.Admin.Tests;

/// <summary>
/// A save refused because someone else saved the centre first: the edits are kept, both sides are
/// shown in words, and the operator re-applies their edits on the new version or drops them.
/// </summary>
public sealed class EditConflictTests
{
    private static async Task<(TestHost Host, ContactClient Nct, Centre Centre)> StartAsync()
    {
        var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        var centre = await nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid("Riverside Family Contact Centre") });
        return (host, nct, centre);
    }

    // Another operator moves the centre to Derby meanwhile.
    private static void MoveElsewhere(ContactClient nct, Centre centre) => HeadlessConsole.Block(async () =>
    {
        var moved = centre.Clone();
        moved.Etag = "";
        moved.Address.Town = "Derby";
        await nct.Register.UpdateCentreAsync(new UpdateCentreRequest { Centre = moved, UpdateMask = new FieldMask { Paths = { "address", "location" } } });
    });

    private static string Words(string screen) => string.Join(" ", screen.Split((char[])['\n', ' ', '│'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task Re_applying_my_edits_on_the_new_version_saves_both_changes()
    {
        var (host, nct, centre) = await StartAsync();
        await using var _ = host;
        using (var console = new HeadlessConsole(nct))
        {
            console.Main.Show(new CentreDetailScreen(console.Main, centre.Name));
            console.WaitFor("Organisation: Test Family Support");
            console.Press(Key.F3);
            console.WaitFor("Edit — Riverside");
            console.Press(Key.End);
            console.Type(" East");                                    // the name, which has the focus
            MoveElsewhere(nct, centre);

            console.Press(Key.S.WithCtrl);
            console.WaitUntil(_ => console.Main.Current is EditConflictScreen, "the conflict screen");
            var screen = Words(console.Screen);
            Assert.Contains("Someone else saved it after you opened it: nothing of yours is saved yet.", screen);
            Assert.Contains("Riverside Family Contact Centre: the fields that now differ.", screen);
            Assert.Contains("Name — you changed it; re-apply keeps yours", screen);
            Assert.Contains("On the server now: Riverside Family Contact Centre You typed: Riverside Family Contact Centre East", screen);
            Assert.Contains("Town — changed on the server; re-apply takes the server's", screen);
            Assert.Contains("On the server now: Derby You typed: Nottingham (as you opened it)", screen);
            Assert.DoesNotContain("Postcode —", screen);               // only the fields that differ
            Assert.DoesNotContain("etag", console.Screen, StringComparison.OrdinalIgnoreCase);

            console.Press(Key.Enter);                                  // "Re-apply my edits on the new version" has the focus
            var form = Assert.IsType<CentreEditScreen>(console.Main.Current);
            Assert.True(form.Dirty);
            screen = console.Screen;
            Assert.Contains("Riverside Family Contact Centre East", screen);
            Assert.Contains("Derby", screen);

            console.Press(Key.S.WithCtrl);
            console.WaitFor("Saved Riverside Family Contact Centre East");
            Assert.IsType<CentreDetailScreen>(console.Main.Current);
        }
        var stored = await nct.Register.GetCentreAsync(new GetCentreRequest { Name = centre.Name });
        Assert.Equal(("Riverside Family Contact Centre East", "Derby"), (stored.DisplayName, stored.Address.Town));
    }

    [Fact]
    public async Task Dropping_my_edits_shows_the_server_version_and_saves_nothing()
    {
        var (host, nct, centre) = await StartAsync();
        await using var _ = host;
        using (var console = new HeadlessConsole(nct))
        {
            console.Main.Show(new CentreEditScreen(console.Main, centre));
            console.WaitFor("Edit — Riverside");
            console.Press(Key.End);
            console.Type(" East");
            MoveElsewhere(nct, centre);

            console.Press(Key.S.WithCtrl);
            console.WaitUntil(_ => console.Main.Current is EditConflictScreen, "the conflict screen");
            console.Press(Key.Tab, Key.Enter);                         // to "Drop my edits"
            var form = Assert.IsType<CentreEditScreen>(console.Main.Current);
            Assert.False(form.Dirty);
            var screen = console.Screen;
            Assert.Contains("Derby", screen);
            Assert.DoesNotContain("Centre East", screen);
            Assert.Contains("Your edits were dropped", screen);
        }
        var stored = await nct.Register.GetCentreAsync(new GetCentreRequest { Name = centre.Name });
        Assert.Equal(("Riverside Family Contact Centre", "Derby"), (stored.DisplayName, stored.Address.Town));
    }

    [Fact]
    public async Task A_decision_on_a_centre_changed_meanwhile_keeps_the_typed_decision_and_records_it_on_the_new_version()
    {
        var (host, nct, centre) = await StartAsync();
        await using var _ = host;
        centre = await nct.Register.RecordAccreditationDecisionAsync(new RecordAccreditationDecisionRequest
        {
            Centre = centre.Name, Level = AccreditationLevel.Standard, Action = AccreditationAction.Grant, Reason = "Assessment passed",
        });
        using (var console = new HeadlessConsole(nct))
        {
            var decision = new DecisionScreen(console.Main, centre);
            console.Main.Show(decision);
            console.Type("Safeguarding concern under review");
            decision.Choose(AccreditationLevel.Standard, AccreditationAction.Suspend);
            HeadlessConsole.Block(() => nct.Register.RecordAccreditationDecisionAsync(new RecordAccreditationDecisionRequest
            {
                Centre = centre.Name, Level = AccreditationLevel.Enhanced, Action = AccreditationAction.Grant, Reason = "Enhanced assessment passed",
            }).ResponseAsync);

            console.Press(Key.S.WithCtrl);
            console.Confirm("Suspend Standard (supported) accreditation of Riverside Family Contact Centre");
            console.WaitFor("Not recorded");
            var screen = Words(console.Screen);
            Assert.Contains("changed after you opened this form (now: standard accredited, enhanced accredited)", screen);
            Assert.Contains("Your decision is kept", screen);
            Assert.Contains("Now: standard accredited, enhanced accredited", screen);
            Assert.DoesNotContain("etag", screen, StringComparison.OrdinalIgnoreCase);
            Assert.Same(decision, console.Main.Current);

            console.Press(Key.S.WithCtrl);
            console.Confirm("Suspend Standard (supported) accreditation of Riverside Family Contact Centre");
            console.WaitFor("Recorded: suspend");
        }
        var stored = await nct.Register.GetCentreAsync(new GetCentreRequest { Name = centre.Name });
        Assert.Equal(AccreditationStatus.Suspended, stored.Accreditations.Single(a => a.Level == AccreditationLevel.Standard).Status);
    }

    [Fact]
    public async Task A_concern_step_recorded_by_someone_else_first_keeps_the_typed_step_and_records_it_after()
    {
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        var colleague = await host.ClientAsync(Role.NctOperator);
        var practitioner = await host.ClientAsync(Role.Practitioner, fcaId: "fca-1");
        var name = (await practitioner.Concerns.RaiseConcernAsync(new RaiseConcernRequest
        {
            Concern = new Concern { Type = ConcernType.UnaccreditedOrganisation, Description = "Advertises supervised contact.", Organisation = new UnregisteredOrganisation { Name = "Happy Families Contact Ltd", Address = "Newark", Offers = "supervised contact" } },
        })).Name;
        using (var console = new HeadlessConsole(nct))
        {
            var detail = new ConcernDetailScreen(console.Main, name);
            console.Main.Show(detail);
            console.WaitFor("RAISED");
            console.Main.ConcernFeed.Dispose();                        // the screen does not hear of the colleague's step
            HeadlessConsole.Block(() => colleague.Concerns.RecordConcernActionAsync(new RecordConcernActionRequest { Concern = name, Action = ConcernAction.StartReview }).ResponseAsync);

            console.Type("Called the organisation");                   // the note has the focus
            detail.Choose(ConcernAction.AddNote);
            console.Press(Key.S.WithCtrl);
            console.WaitFor("UNDER REVIEW");
            var screen = Words(console.Screen);
            Assert.Contains("Not recorded: someone else recorded a step", console.Screen);   // beside the step list: read it line by line
            Assert.Contains("Called the organisation", screen);        // the note is kept
            Assert.DoesNotContain("etag", screen, StringComparison.OrdinalIgnoreCase);

            console.Press(Key.S.WithCtrl);
            console.WaitFor("Recorded: ");
        }
        var stored = await nct.Concerns.GetConcernAsync(new GetConcernRequest { Name = name });
        Assert.Contains(stored.Timeline, e => e.Note == "Called the organisation");
    }
}
