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

    private Centre _centre;   // as last read: a decision recorded meanwhile replaces it
    private readonly Label _current;
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

        var levelLabel = _problems.Track("level", new Label { X = 0, Y = 1, Text = "Level:" });
        _level = new OptionSelector { X = 15, Y = 1, Orientation = Orientation.Horizontal, Labels = ["Standard (supported)", "Enhanced (supervised)"], Value = null, TabBehavior = TabBehavior.NoStop };
        var actionLabel = _problems.Track("action", new Label { X = 0, Y = 2, Text = "Decision:" });
        _action = new OptionSelector { X = 15, Y = 2, Orientation = Orientation.Horizontal, Labels = ["Grant", "Renew", "Suspend", "Reinstate", "Lapse", "Withdraw"], Value = null, TabBehavior = TabBehavior.NoStop };
        var reasonLabel = _problems.Track("reason", new Label { X = 0, Y = 0, Text = "Reason:" });
        _reason = new TextField { X = 15, Y = 0, Width = Dim.Fill() };
        var effectiveLabel = _problems.Track("effective_date", new Label { X = 0, Y = 4, Text = "Effective:" });
        _effective = new TextField { X = 15, Y = 4, Width = 12 };
        var effectiveHint = new Label { X = 28, Y = 4, Text = "yyyy-mm-dd, not in the future; blank for today" };
        var renewalLabel = _problems.Track("renewal_due_date", new Label { X = 0, Y = 5, Text = "Renewal due:" });
        _renewal = new TextField { X = 15, Y = 5, Width = 12 };
        var renewalHint = new Label { X = 28, Y = 5, Text = "grant or renew only; blank for the usual term" };
        _current = new Label { X = 0, Y = 7, Width = Dim.Fill(), Text = Now(centre) };
        var save = new Button { ShadowStyle = ShadowStyles.None, X = 0, Y = 8, Text = "Record (Ctrl+S)" };
        var cancel = new Button { ShadowStyle = ShadowStyles.None, X = Pos.Right(save) + 2, Y = 8, Text = "Cancel" };
        save.Accepting += (_, e) => { e.Handled = true; Save(); };
        cancel.Accepting += (_, e) => { e.Handled = true; Shell.Back(); };
        // Reason first: the form opens there, and nothing is chosen until the operator chooses it.
        Add(reasonLabel, _reason, levelLabel, _level, actionLabel, _action, effectiveLabel, _effective, effectiveHint,
            renewalLabel, _renewal, renewalHint, _current, save, cancel, problems);
        TrackEdits();
    }

    public override string Help => """
        Records one accreditation decision for one level of this centre, with its reason and the date it
        takes effect (not in the future). The server checks the transition is allowed — e.g. only an
        accredited level can be suspended — and refuses with the clause if not.
        Nothing is chosen when the form opens: choose the level and the decision yourself.
        Tab / Shift+Tab  move between fields (each row of options is one stop)
        Arrows, Space    choose within a row of options
        Ctrl+S           record (Enter on Record does the same); it asks you to confirm, in words
        Esc              leave (asks first if you typed anything)
        If the centre changed after you opened the form, nothing is recorded: the form shows the centre
        as it is now and keeps your decision for you to check, and Ctrl+S records it on the new version.
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
        if (_level.Value is null) problems.Add(new("level", "choose the level: standard (supported) or enhanced (supervised)"));
        if (_action.Value is null) problems.Add(new("action", "choose the decision: grant, renew, suspend, reinstate, lapse or withdraw"));
        if (_reason.Text.Trim().Length == 0) problems.Add(new("reason", "say why: the reason is kept in the centre's history"));
        if (problems.Count > 0) { _problems.Show(problems, "Not recorded. Please correct:"); return; }

        var request = new RecordAccreditationDecisionRequest
        {
            Centre = _centre.Name,
            Level = Levels[_level.Value!.Value],
            Action = Actions[_action.Value!.Value],
            Reason = _reason.Text.Trim(),
            EffectiveDate = effective,
            RenewalDueDate = renewal,
            Etag = _centre.Etag,
        };
        _problems.Clear();
        Shell.Confirm("Record accreditation decision", Restate(request, _centre.DisplayName), "Record the decision",
            () => Call(c => c.Register.RecordAccreditationDecisionAsync(request).ResponseAsync, saved =>
            {
                MarkSaved();
                Shell.Back();
                Shell.Say($"Recorded: {Words.Action(request.Action)} {Words.Level(request.Level)} for {saved.DisplayName}; now {Words.Status(Words.StatusAt(saved, request.Level))}.");
            }, ex =>
            {
                if (IsStale(ex)) Refresh();
                else _problems.Show(ex, Shell.Server);
            }));
    }

    private static string Now(Centre c) =>
        $"Now: standard {Words.Status(Words.StatusAt(c, AccreditationLevel.Standard))}, enhanced {Words.Status(Words.StatusAt(c, AccreditationLevel.Enhanced))}";

    // Someone changed the centre after the form read it: show it as it is now and keep the typed decision for the operator to check.
    private void Refresh() =>
        Call(c => c.Register.GetCentreAsync(new GetCentreRequest { Name = _centre.Name }).ResponseAsync, fresh =>
        {
            _centre = fresh;
            _current.Text = Now(fresh);
            _problems.Show([], $"Not recorded: {fresh.DisplayName} changed after you opened this form ({Now(fresh).ToLowerInvariant()}). " +
                "Your decision is kept: check it against the centre as it is now, then Ctrl+S records it.");
        }, ex => _problems.Show(ex, Shell.Server));

    /// <summary>The decision in words, as the confirmation asks it.</summary>
    public static string Restate(RecordAccreditationDecisionRequest r, string centre)
    {
        var when = r.EffectiveDate is null ? $"today, {Words.LongDate(null)}" : Words.LongDate(r.EffectiveDate);
        return $"{Words.Capital(Words.Action(r.Action))} {Words.Level(r.Level)} accreditation of {centre} from {when}?\n\nReason: {r.Reason}";
    }
}
