using System.Text;
using Contact.V1;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>One concern: what was raised, its timeline of steps and notes, and the next step to record.</summary>
public sealed class ConcernDetailScreen : Screen
{
    private static readonly ConcernAction[] Actions =
    [
        ConcernAction.AddNote, ConcernAction.StartReview, ConcernAction.AlertNaccc,
        ConcernAction.RecordNacccResponse, ConcernAction.Resolve,
    ];

    private readonly string _name;
    private readonly Label _headline;
    private readonly TextView _timeline;
    private readonly OptionSelector _action;
    private readonly TextField _note;
    private readonly FieldProblems _problems;

    public ConcernDetailScreen(MainWindow shell, string name) : base(shell, "Concern")
    {
        _name = name;
        _headline = new Label { X = 0, Y = 0, Width = Dim.Fill(), Text = "Loading…" };
        _timeline = new TextView { X = 0, Y = 1, Width = Dim.Fill(), Height = Dim.Fill(9), ReadOnly = true, WordWrap = true };
        var problems = new TextView { X = 0, Y = Pos.AnchorEnd(4), Width = Dim.Fill(), Height = 4, ReadOnly = true, WordWrap = true, CanFocus = false };
        _problems = new FieldProblems(problems);
        var actionLabel = _problems.Track("action", new Label { X = 0, Y = Pos.AnchorEnd(8), Text = "Step:" });
        _action = new OptionSelector
        {
            X = 7, Y = Pos.AnchorEnd(8), Orientation = Orientation.Horizontal,
            Labels = ["Note", "Start review", "Alert NACCC", "NACCC response", "Resolve"], Value = 0,
        };
        var noteLabel = _problems.Track("note", new Label { X = 0, Y = Pos.AnchorEnd(7), Text = "Note:" });
        _note = new TextField { X = 7, Y = Pos.AnchorEnd(7), Width = Dim.Fill() };
        var hint = new Label { X = 7, Y = Pos.AnchorEnd(6), Text = "For Alert NACCC: what was sent. For NACCC response: their reply." };
        var record = new Button { ShadowStyle = ShadowStyles.None, X = 0, Y = Pos.AnchorEnd(5), Text = "_Record (Ctrl+S)", IsDefault = true };
        record.Accepting += (_, e) => { e.Handled = true; Record(); };
        Add(_headline, _timeline, actionLabel, _action, noteLabel, _note, hint, record, problems);
    }

    public Concern? Concern { get; private set; }

    public override string Help => """
        One concern: what the practitioner raised, where it stands, when its step is due, and every
        step so far with NCT's notes. Record the next step: a note; start review; alert NACCC (the
        note is what was sent, policy 1.7 / MOU 2.1.4); record NACCC's response; resolve. The server
        refuses a step that does not follow (e.g. a response before the alert) and says why, with its clause.
        Tab moves between fields; arrows and Space choose the step; Ctrl+S records it.
        F5  refresh      Esc back to the queue
        """;

    public override IEnumerable<Shortcut> Shortcuts() =>
    [
        new(Key.S.WithCtrl, "Record", Record),
        new(Key.F5, "Refresh", Load),
    ];

    public override void Reconnected() => Load();

    public override void Shown()
    {
        _note.SetFocus();
        Load();
    }

    /// <summary>Chooses the step to record (for scripted use and tests).</summary>
    public void Choose(ConcernAction action) => _action.Value = Array.IndexOf(Actions, action);

    private void Load() => Call(async c =>
    {
        var concern = await c.Concerns.GetConcernAsync(new GetConcernRequest { Name = _name });
        if (concern.Centre.Length > 0 && _centreName is null)
            _centreName = (await c.Register.GetCentreAsync(new GetCentreRequest { Name = concern.Centre })).DisplayName;
        return concern;
    }, Render);

    // The centre's display name, so the title reads as the operator knows it (fetched once).
    private string? _centreName;

    private void Render(Concern c)
    {
        Concern = c;
        Title = $"Concern — {(c.Organisation is { Name.Length: > 0 } ? Words.Subject(c) : _centreName ?? Words.Subject(c))}";
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
        var request = new RecordConcernActionRequest
        {
            Concern = _name,
            Action = Actions[_action.Value ?? 0],
            Note = _note.Text,
            Etag = Concern.Etag,
        };
        _problems.Clear();
        Call(c => c.Concerns.RecordConcernActionAsync(request).ResponseAsync, saved =>
        {
            _note.Text = "";
            Render(saved);
            Shell.Say($"Recorded: {Words.Action(request.Action)}; the concern is now {Words.Status(saved.Status)}.");
        }, ex => _problems.Show(ex, Shell.Server));
    }
}
