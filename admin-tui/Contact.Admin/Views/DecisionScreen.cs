using Contact.Client;
using Contact.V1;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>Records an accreditation decision for one level of a centre: grant, renew, suspend, reinstate, lapse or withdraw.</summary>
public sealed class DecisionScreen : Screen
{
    private static readonly AccreditationLevel[] Levels = [AccreditationLevel.Standard, AccreditationLevel.Enhanced];
    private static readonly AccreditationAction[] Actions =
    [
        AccreditationAction.Grant, AccreditationAction.Renew, AccreditationAction.Suspend,
        AccreditationAction.Reinstate, AccreditationAction.Lapse, AccreditationAction.Withdraw,
    ];

    private readonly Centre _centre;
    private readonly OptionSelector _level;
    private readonly OptionSelector _action;
    private readonly TextField _reason;
    private readonly TextField _effective;
    private readonly TextField _renewal;
    private readonly FieldProblems _problems;

    public DecisionScreen(MainWindow shell, Centre centre) : base(shell, $"Decision — {centre.DisplayName}")
    {
        _centre = centre;
        var problems = new TextView { X = 0, Y = 10, Width = Dim.Fill(), Height = Dim.Fill(), ReadOnly = true, WordWrap = true, CanFocus = false };
        _problems = new FieldProblems(problems);

        var levelLabel = _problems.Track("level", new Label { X = 0, Y = 0, Text = "Level:" });
        _level = new OptionSelector { X = 15, Y = 0, Orientation = Orientation.Horizontal, Labels = ["Standard (supported)", "Enhanced (supervised)"], Value = 0 };
        var actionLabel = _problems.Track("action", new Label { X = 0, Y = 1, Text = "Decision:" });
        _action = new OptionSelector { X = 15, Y = 1, Orientation = Orientation.Horizontal, Labels = ["Grant", "Renew", "Suspend", "Reinstate", "Lapse", "Withdraw"], Value = 2 };
        var reasonLabel = _problems.Track("reason", new Label { X = 0, Y = 3, Text = "Reason:" });
        _reason = new TextField { X = 15, Y = 3, Width = Dim.Fill() };
        var effectiveLabel = _problems.Track("effective_date", new Label { X = 0, Y = 4, Text = "Effective:" });
        _effective = new TextField { X = 15, Y = 4, Width = 12 };
        var effectiveHint = new Label { X = 28, Y = 4, Text = "yyyy-mm-dd, not in the future; blank for today" };
        var renewalLabel = _problems.Track("renewal_due_date", new Label { X = 0, Y = 5, Text = "Renewal due:" });
        _renewal = new TextField { X = 15, Y = 5, Width = 12 };
        var renewalHint = new Label { X = 28, Y = 5, Text = "grant or renew only; blank for the usual term" };
        var current = new Label
        {
            X = 0, Y = 7, Width = Dim.Fill(),
            Text = $"Now: standard {Words.Status(Words.StatusAt(centre, AccreditationLevel.Standard))}, enhanced {Words.Status(Words.StatusAt(centre, AccreditationLevel.Enhanced))}",
        };
        var save = new Button { ShadowStyle = ShadowStyles.None, X = 0, Y = 8, Text = "_Record (Ctrl+S)", IsDefault = true };
        var cancel = new Button { ShadowStyle = ShadowStyles.None, X = Pos.Right(save) + 2, Y = 8, Text = "Cancel" };
        save.Accepting += (_, e) => { e.Handled = true; Save(); };
        cancel.Accepting += (_, e) => { e.Handled = true; Shell.Back(); };
        Add(levelLabel, _level, actionLabel, _action, reasonLabel, _reason, effectiveLabel, _effective, effectiveHint,
            renewalLabel, _renewal, renewalHint, current, save, cancel, problems);
    }

    public override string Help => """
        Records one accreditation decision for one level of this centre, with its reason and the date it
        takes effect (not in the future). The server checks the transition is allowed — e.g. only an
        accredited level can be suspended — and refuses with the clause if not.
        Tab moves between fields; arrows and Space choose an option; Ctrl+S or Enter on Record saves.
        """;

    public override IEnumerable<Shortcut> Shortcuts() => [new(Key.S.WithCtrl, "Record", Save)];

    public override void Shown() => _reason.SetFocus();

    /// <summary>Sets the choices (for scripted use and tests that start from a given option).</summary>
    public void Choose(AccreditationLevel level, AccreditationAction action)
    {
        _level.Value = Array.IndexOf(Levels, level);
        _action.Value = Array.IndexOf(Actions, action);
    }

    private void Save()
    {
        var problems = new List<FieldViolation>();
        if (!Words.TryParseDate(_effective.Text, out var effective)) problems.Add(new("effective_date", "must be a date like 2026-06-01"));
        if (!Words.TryParseDate(_renewal.Text, out var renewal)) problems.Add(new("renewal_due_date", "must be a date like 2027-06-01"));
        if (problems.Count > 0) { _problems.Show(problems, "Please correct:"); return; }

        var request = new RecordAccreditationDecisionRequest
        {
            Centre = _centre.Name,
            Level = Levels[_level.Value ?? 0],
            Action = Actions[_action.Value ?? 0],
            Reason = _reason.Text,
            EffectiveDate = effective,
            RenewalDueDate = renewal,
            Etag = _centre.Etag,
        };
        _problems.Clear();
        Call(c => c.Register.RecordAccreditationDecisionAsync(request).ResponseAsync, saved =>
        {
            Shell.Say($"Recorded: {Words.Action(request.Action)} {Words.Level(request.Level)} for {saved.DisplayName}; now {Words.Status(Words.StatusAt(saved, request.Level))}.");
            Shell.Back();
        }, ex => _problems.Show(ex, Shell.Server));
    }
}
