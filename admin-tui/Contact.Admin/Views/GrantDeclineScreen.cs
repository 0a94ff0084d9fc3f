using Contact.Client;
using Contact.V1;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>Declines a pending application, saying why (the reason is required and kept with it).</summary>
public sealed class GrantDeclineScreen : Screen
{
    private readonly GrantApplication _application;
    private readonly TextField _reason;
    private readonly FieldProblems _problems;

    public GrantDeclineScreen(MainWindow shell, GrantApplication application) : base(shell, $"Decline — {application.CentreDisplayName}")
    {
        _application = application;
        var asked = new Label
        {
            X = 0, Y = 0, Width = Dim.Fill(),
            Text = $"Requested {Words.Money(application.RequestedPence)} for: {(application.Purpose.Length > 0 ? application.Purpose : "-")}",
        };
        var problems = new TextView { X = 0, Y = 5, Width = Dim.Fill(), Height = Dim.Fill(), ReadOnly = true, WordWrap = true, CanFocus = false };
        _problems = new FieldProblems(problems);
        var reasonLabel = _problems.Track("reason", new Label { X = 0, Y = 2, Text = "Reason:" });
        _reason = new TextField { X = 9, Y = 2, Width = Dim.Fill() };
        var save = new Button { ShadowStyle = ShadowStyles.None, X = 0, Y = 3, Text = "Decline (Ctrl+S)" };
        var cancel = new Button { ShadowStyle = ShadowStyles.None, X = Pos.Right(save) + 2, Y = 3, Text = "Cancel" };
        save.Accepting += (_, e) => { e.Handled = true; Save(); };
        cancel.Accepting += (_, e) => { e.Handled = true; Shell.Back(); };
        Add(asked, reasonLabel, _reason, save, cancel, problems);
        TrackEdits();
    }

    public override string Help => """
        Declines this application. Say why: the reason is required and is kept with the application.
        Ctrl+S declines; Esc leaves without declining.
        """;

    public override IEnumerable<Shortcut> Shortcuts() => [new(Key.S.WithCtrl, "Decline", Save)];

    public override void Shown() => _reason.SetFocus();

    private void Save()
    {
        if (_reason.Text.Trim().Length == 0)
        {
            _problems.Show([new FieldViolation("reason", "is required: say why the application is declined")], "Please correct:");
            return;
        }
        var request = new DeclineGrantApplicationRequest { Name = _application.Name, Reason = _reason.Text.Trim() };
        _problems.Clear();
        Shell.Confirm("Decline application",
            $"Decline the application of {_application.CentreDisplayName} for {Words.Money(_application.RequestedPence)}?\n\nDeclining is final for this application.\nReason: {request.Reason}",
            "Decline it", () => Call(c => c.Grants.DeclineGrantApplicationAsync(request).ResponseAsync, declined =>
            {
                MarkSaved();
                Shell.Back();
                Shell.Say($"Declined: {declined.CentreDisplayName}.");
            }, ex => _problems.Show(ex, Shell.Server)));
    }
}
