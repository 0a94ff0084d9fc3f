using System.Text;
using Contact.V1;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>One concern: what was raised, its timeline of steps and notes, and the next step to record.</summary>
public sealed class ConcernDetailScreen : Screen
{
    // Every step NCT may record, in the order of the usual path (policy 1.6, 1.7; MOU 2.1.4).
    private static readonly (ConcernAction Action, string Label, string Hint)[] Steps =
    [
        (ConcernAction.AddNote, "Note", "Adds the note to the timeline; the status stays."),
        (ConcernAction.StartReview, "Start review", "Raised -> under review. A note is optional."),
        (ConcernAction.AlertNaccc, "Alert NACCC", "Note: what was sent. Date: when (blank: today)."),
        (ConcernAction.RecordNacccResponse, "NACCC response", "Note: NACCC's reply. Date: when (blank: today)."),
        (ConcernAction.EncourageAccreditation, "Encourage accred.", "Unaccredited organisations: accreditation encouraged."),
        (ConcernAction.LinkCentre, "Link to register", "Centre: its register name, or centres/{id}."),
        (ConcernAction.Resolve, "Resolve", "A standards concern must have gone to NACCC first."),
        (ConcernAction.CloseNoFurtherAction, "No further action", "Note: why nothing further is done."),
    ];

    private readonly string _name;
    private readonly Label _headline;
    private readonly TextView _timeline;
    private readonly OptionSelector _step;
    private readonly Label _hint;
    private readonly TextField _note;
    private readonly TextField _date;
    private readonly TextField _centre;
    private readonly FieldProblems _problems;

    public ConcernDetailScreen(MainWindow shell, string name) : base(shell, "Concern")
    {
        _name = name;
        _headline = new Label { X = 0, Y = 0, Width = Dim.Fill(), Text = "Loading…" };
        _timeline = new TextView { X = 0, Y = 1, Width = Dim.Fill(), Height = Dim.Fill(Steps.Length), ReadOnly = true, WordWrap = true };

        // Left: the step, one per line. Right: its fields, the hint for it, Record, and any refusal.
        _step = new OptionSelector
        {
            X = 0, Y = Pos.AnchorEnd(Steps.Length), Width = 21, Height = Steps.Length,
            Labels = [.. Steps.Select(s => s.Label)], Value = null, TabBehavior = TabBehavior.NoStop,
        };
        _step.ValueChanged += (_, _) => ShowHint();
        const int right = 22;
        var problems = new TextView { X = right, Y = Pos.AnchorEnd(3), Width = Dim.Fill(), Height = 3, ReadOnly = true, WordWrap = true, CanFocus = false };
        _problems = new FieldProblems(problems);
        var noteLabel = _problems.Track("note", new Label { X = right, Y = Pos.AnchorEnd(8), Text = "Note:" });
        _note = new TextField { X = right + 8, Y = Pos.AnchorEnd(8), Width = Dim.Fill() };
        var dateLabel = _problems.Track("date", new Label { X = right, Y = Pos.AnchorEnd(7), Text = "Date:" });
        _date = new TextField { X = right + 8, Y = Pos.AnchorEnd(7), Width = 12 };
        var centreLabel = _problems.Track("centre", new Label { X = right, Y = Pos.AnchorEnd(6), Text = "Centre:" });
        _centre = new TextField { X = right + 8, Y = Pos.AnchorEnd(6), Width = Dim.Fill() };
        _hint = new Label { X = right, Y = Pos.AnchorEnd(5), Width = Dim.Fill(), Text = "" };
        var record = new Button { ShadowStyle = ShadowStyles.None, X = right, Y = Pos.AnchorEnd(4), Text = "Record (Ctrl+S)" };
        record.Accepting += (_, e) => { e.Handled = true; Record(); };
        Add(_headline, _timeline, noteLabel, _note, dateLabel, _date, centreLabel, _centre, _step, _hint, record, problems);
        ShowHint();
        TrackEdits();
    }

    public Concern? Concern { get; private set; }

    public override string Help => """
        One concern: what the practitioner raised, where it stands, when its step is due, and every
        step so far with NCT's notes. Record the next step: a note; start review; alert NACCC (the
        note is what was sent, policy 1.7 / MOU 2.1.4); record NACCC's response; for an unaccredited
        organisation, encourage accreditation and link it to its register entry once it has one
        (policy 1.6); resolve; or close with no further action, saying why. The server refuses a step
        that does not follow (e.g. a response before the alert) and says why, with its clause.
        Tab moves between fields; arrows and Space choose the step; Ctrl+S records it.
        F5  refresh      Esc back to the queue
        The page refreshes by itself when anyone records a step on this concern. If someone records one
        just as you do, yours is not recorded: the timeline shows theirs, your step and note are kept,
        and Ctrl+S records yours after it.
        """;

    public override IEnumerable<Shortcut> Shortcuts() =>
    [
        new(Key.S.WithCtrl, "Record", Record),
        new(Key.F5, "Refresh", Load),
    ];

    public override void Reconnected() => Load();

    protected override void ShowProblem(string words) => _headline.Text = words;

    public override void ConcernChanged(Concern concern)
    {
        // The stream can bring a step's change after the answer to a later step: the timeline only grows, so an older one is stale.
        if (concern.Name == _name && (Concern is null || concern.Timeline.Count >= Concern.Timeline.Count)) Render(concern);
    }

    public override void Shown()
    {
        _note.SetFocus();
        Load();
    }

    /// <summary>Chooses the step to record (for scripted use and tests).</summary>
    public void Choose(ConcernAction action) => _step.Value = Array.FindIndex(Steps, s => s.Action == action);

    /// <summary>Types the centre to link (for scripted use and tests).</summary>
    public void EnterCentre(string text) => _centre.Text = text;

    private void ShowHint() => _hint.Text = _step.Value is { } i ? Steps[i].Hint : "Choose the step on the left (Tab to it, then arrows and Space).";

    private void Load()
    {
        var known = _centreName;   // read here, on the UI thread; the work below runs off it
        Call(async c =>
        {
            var concern = await c.Concerns.GetConcernAsync(new GetConcernRequest { Name = _name });
            var centreName = known is null && concern.Centre.Length > 0
                ? (await c.Register.GetCentreAsync(new GetCentreRequest { Name = concern.Centre })).DisplayName
                : known;
            return (concern, centreName);
        }, loaded =>
        {
            _centreName = loaded.centreName;
            Render(loaded.concern);
        });
    }

    // The centre's display name, so the title reads as the operator knows it (fetched once).
    private string? _centreName;

    private void Render(Concern c)
    {
        Concern = c;
        Title = $"Concern — {Words.Subject(c, _centreName)}";
        _headline.SetScheme(c.Overdue ? Palette.Problem : null);
        _headline.Text = $"{Words.Status(c.Status).ToUpperInvariant()}  · {Words.Type(c.Type)}  · due {Words.Date(c.DueDate)}{(c.Overdue ? "  · OVERDUE" : "")}";
        _timeline.Text = Describe(c, _centreName);
        SetNeedsDraw();
    }

    public static string Describe(Concern c, string? centreName = null)
    {
        var s = new StringBuilder();
        s.AppendLine($"{c.Name}, raised {Words.Time(c.RaiseTime)} by {c.RaisedBy}");
        if (c.Organisation is { Name.Length: > 0 } o) s.AppendLine($"Organisation: {o.Name}, {o.Address} — offers {o.Offers}");
        if (c.Centre.Length > 0) s.AppendLine($"Centre: {(centreName is null ? "" : centreName + ", ")}{c.Centre}");
        s.AppendLine($"Concern: {c.Description}");
        if (c.NacccAlert is { AlertDate: not null } a)
        {
            s.AppendLine($"NACCC alerted {Words.Date(a.AlertDate)}: {a.Sent}");
            if (a.ResponseDate is not null) s.AppendLine($"NACCC responded {Words.Date(a.ResponseDate)}: {a.Response}");
        }
        s.AppendLine("Timeline:");
        foreach (var e in c.Timeline)
            s.AppendLine($"  {Words.Time(e.Time)} {Words.Action(e.Action)}: {Words.Status(e.PreviousStatus)} -> {Words.Status(e.NewStatus)} ({e.Actor}){(e.Note.Length > 0 ? " — " + e.Note : "")}");
        return s.ToString();
    }

    private void Record()
    {
        if (Concern is null) return;
        _problems.Clear();
        if (_step.Value is not { } step)
        {
            NotSent("action", "choose the step to record");
            return;
        }
        if (!Words.TryParseDate(_date.Text, out var date))
        {
            NotSent("date", "must be yyyy-mm-dd");
            return;
        }
        var request = new RecordConcernActionRequest
        {
            Concern = _name, Action = Steps[step].Action, Note = _note.Text.Trim(), Date = date, Etag = Concern.Etag,
        };
        if (request.Action != ConcernAction.LinkCentre) { Send(request); return; }
        // The operator types the centre as they know it; the server wants its register entry.
        var typed = _centre.Text;
        Call(c => CentreNames.ResolveAsync(c, typed), found =>
        {
            if (found.Name is null) { NotSent("centre", found.Problem!); return; }
            request.Centre = found.Name;
            Send(request);
        }, ex => _problems.Show(ex, Shell.Server));
    }

    // Alerting NACCC tells a partner: it is restated and confirmed first.
    private void Send(RecordConcernActionRequest request)
    {
        if (request.Action != ConcernAction.AlertNaccc) { SendNow(request); return; }
        Shell.Confirm("Alert NACCC",
            $"Alert NACCC about {Words.Subject(Concern!, _centreName)} on {Words.LongDate(request.Date)}?\n\nWhat is sent: {(request.Note.Length > 0 ? request.Note : "(no note)")}",
            "Alert NACCC", () => SendNow(request));
    }

    private void SendNow(RecordConcernActionRequest request) =>
        Call(c => c.Concerns.RecordConcernActionAsync(request).ResponseAsync, saved =>
        {
            _note.Text = _date.Text = _centre.Text = "";
            _step.Value = null;
            MarkSaved();
            Render(saved);
            if (saved.Centre.Length > 0 && _centreName is null) Load();   // newly linked: fetch the centre's name
            Shell.Say($"Recorded: {Words.Action(request.Action)}; the concern is now {Words.Status(saved.Status)}.");
        }, ex =>
        {
            if (!IsStale(ex)) { _problems.Show(ex, Shell.Server); return; }
            // Someone recorded a step meanwhile: show the concern as it is now, keep what was typed.
            Load();
            _problems.Show([], "Not recorded: someone else recorded a step first (now in the timeline). Your step and note are kept: Ctrl+S records them.");
        });

    private void NotSent(string field, string problem) =>
        _problems.Show([new Contact.Client.FieldViolation(field, problem)], "Not sent: check the marked field.");
}
