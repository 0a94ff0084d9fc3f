using System.Text;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>
/// A save refused because someone else saved the same record first. Shows each field that now
/// differs, the server's value beside what the operator typed, and offers to re-apply their edits
/// on the new version (focused: it writes nothing and loses nothing) or to drop them. Esc returns
/// to the form as typed.
/// </summary>
public sealed class EditConflictScreen : Screen
{
    /// <summary>One field: as the form was loaded, as the server has it now, as the operator typed it.</summary>
    public sealed record Row(string Field, string Loaded, string Server, string Typed)
    {
        /// <summary>The operator changed this field.</summary>
        public bool Yours => Same(Typed, Loaded) is false;

        /// <summary>What the operator sees differs from what the server holds.</summary>
        public bool Differs => Same(Typed, Server) is false;

        private static bool Same(string a, string b) => a.Trim() == b.Trim();
    }

    private readonly Button _reapply;

    public EditConflictScreen(MainWindow shell, string what, IReadOnlyList<Row> rows, Action reapply, Action drop) : base(shell, "Changed by someone else")
    {
        Rows = rows;
        var heading = new Label
        {
            X = 0, Y = 0, Width = Dim.Fill(),
            Text = "Someone else saved it after you opened it: nothing of yours is saved yet.",
        };
        _reapply = new Button { ShadowStyle = ShadowStyles.None, X = 0, Y = 1, Text = "Re-apply my edits on the new version", IsDefault = true };
        var dropButton = new Button { ShadowStyle = ShadowStyles.None, X = Pos.Right(_reapply) + 2, Y = 1, Text = "Drop my edits" };
        _reapply.Accepting += (_, e) => { e.Handled = true; Shell.Back(); reapply(); };
        dropButton.Accepting += (_, e) => { e.Handled = true; Shell.Back(); drop(); };
        var details = new TextView { X = 0, Y = 3, Width = Dim.Fill(), Height = Dim.Fill(), ReadOnly = true, WordWrap = true, Text = Describe(what, rows) };
        Add(heading, _reapply, dropButton, details);
    }

    /// <summary>Every field of the form, as compared.</summary>
    public IReadOnlyList<Row> Rows { get; }

    public override string Help => """
        Someone else saved this record after you opened the form, so your save was not made.
        Below, each field that now differs: the server's value beside what you typed.
        Re-apply my edits on the new version (focused): back to the form on the server's new version,
        keeping what you changed and taking the server's value for the fields you did not; check it,
        then Ctrl+S saves. Drop my edits: back to the form showing the server's version only.
        Tab moves between the buttons and the list; Enter presses the focused button.
        Esc              back to the form as you typed it (saving again shows this screen again)
        """;

    public override void Shown() => _reapply.SetFocus();

    /// <summary>The differing fields in words.</summary>
    public static string Describe(string what, IReadOnlyList<Row> rows)
    {
        var differing = rows.Where(r => r.Differs).ToList();
        if (differing.Count == 0)
            return $"{what}: none of the fields on this form differ; the change was to something else (for example an accreditation). " +
                   "Re-apply keeps everything you typed.";
        var s = new StringBuilder($"{what}: the fields that now differ.\n");
        foreach (var r in differing)
        {
            var who = (r.Yours, Same: r.Server.Trim() == r.Loaded.Trim()) switch
            {
                (true, true) => "you changed it; re-apply keeps yours",
                (true, false) => "you and someone else both changed it; re-apply keeps yours",
                _ => "changed on the server; re-apply takes the server's",
            };
            s.Append('\n').Append(r.Field).Append(" — ").Append(who).Append('\n');
            s.Append("  On the server now: ").Append(Shown(r.Server)).Append('\n');
            s.Append("  You typed:         ").Append(Shown(r.Typed)).Append(r.Yours ? "" : " (as you opened it)").Append('\n');
        }
        return s.ToString();
    }

    private static string Shown(string value) => value.Trim().Length == 0 ? "(blank)" : value.Trim();
}
