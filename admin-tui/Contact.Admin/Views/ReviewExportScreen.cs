using Contact.V1;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>Writes the MOU review report's CSV, as the server exported it, to a file the operator names.</summary>
public sealed class ReviewExportScreen : Screen
{
    private readonly ExportReviewReportResponse _export;
    private readonly TextField _path;
    private readonly TextView _result;

    public ReviewExportScreen(MainWindow shell, ExportReviewReportResponse export) : base(shell, "Export MOU review report")
    {
        _export = export;
        var label = new Label { X = 0, Y = 0, Text = "CSV file:" };
        _path = new TextField { X = 11, Y = 0, Width = Dim.Fill(), Text = export.Filename };
        var rows = export.Csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        var what = new Label { X = 0, Y = 1, Width = Dim.Fill(), Text = $"The report for the period shown, {rows} figures, one a row (a relative path is in {Environment.CurrentDirectory})." };
        var write = new Button { ShadowStyle = ShadowStyles.None, X = 11, Y = 3, Text = "Export (Ctrl+S)" };
        write.Accepting += (_, e) => { e.Handled = true; Write(); };
        _result = new TextView { X = 0, Y = 5, Width = Dim.Fill(), Height = Dim.Fill(), ReadOnly = true, WordWrap = true, CanFocus = false };
        Add(label, _path, what, write, _result);
    }

    public override string Help => """
        Writes the review report for the period shown to a CSV file (one row per figure: section,
        period, up to three labels, measure, value), for a spreadsheet or the review meeting's papers.
        The name starts as the server's suggestion, in the current directory. Ctrl+S writes; Esc returns to the report.
        If the file exists you are asked "Replace …?" first, with Keep focused: Keep (or Esc) writes
        nothing; Tab to Replace and Enter to replace it.
        """;

    public override IEnumerable<Shortcut> Shortcuts() => [new(Key.S.WithCtrl, "Export", Write)];

    public override void Shown() => _path.SetFocus();

    /// <summary>Sets the file to write (for scripted use and tests).</summary>
    public void PathTo(string path) => _path.Text = path;

    private void Write()
    {
        if (_path.Text.Trim().Length == 0) { Shell.Warn("Name the CSV file to write."); return; }
        var path = Path.GetFullPath(_path.Text.Trim());
        Exports.AskBeforeReplacing(Shell, path, replace => Write(path, replace));
    }

    private void Write(string path, bool replace)
    {
        Call(async _ =>
        {
            await using (var file = Exports.Open(path, replace))
            await using (var writer = new StreamWriter(file))
                await writer.WriteAsync(_export.Csv);
            return path;
        }, written =>
        {
            _result.Text = $"Wrote the MOU review report to:\n{written}";
            Shell.Say($"Wrote {Path.GetFileName(written)}. Esc returns to the report.");
        }, ex => Shell.Warn(ex is IOException or UnauthorizedAccessException ? $"Cannot write \"{path}\": {ex.Message}" : Words.Problem(ex, Shell.Server)));
    }
}
