using Contact.V1;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>Writes the register, as the centres table is filtered, to a CSV file the import reads back.</summary>
public sealed class ExportScreen : Screen
{
    private readonly CentreFilter _filter;
    private readonly TextField _path;
    private readonly Label _result;

    public ExportScreen(MainWindow shell, CentreFilter filter) : base(shell, "Export register CSV")
    {
        _filter = filter;
        var label = new Label { X = 0, Y = 0, Text = "CSV file:" };
        _path = new TextField { X = 11, Y = 0, Width = Dim.Fill(), Text = $"centres-{DateTime.Now:yyyyMMdd-HHmm}.csv" };
        var what = new Label
        {
            X = 0, Y = 1, Width = Dim.Fill(),
            Text = _filter == new CentreFilter() ? "Exports the whole register." : $"Exports the centres matching the current filter ({Describe(_filter)}).",
        };
        var export = new Button { ShadowStyle = ShadowStyles.None, X = 11, Y = 2, Text = "Export (Ctrl+S)" };
        export.Accepting += (_, e) => { e.Handled = true; Export(); };
        _result = new Label { X = 0, Y = 4, Width = Dim.Fill(), Text = "" };
        Add(label, _path, what, export, _result);
    }

    public override string Help => """
        Writes the centres (all, or those matching the centres table's filters) to a CSV file that
        Import reads back. Ctrl+S exports. If the file exists you are asked "Replace …?" first, with
        Keep focused: Keep (or Esc) writes nothing; Tab to Replace and Enter to replace it.
        """;

    public override IEnumerable<Shortcut> Shortcuts() => [new(Key.S.WithCtrl, "Export", Export)];

    public override void Shown() => _path.SetFocus();

    private static string Describe(CentreFilter f) => string.Join(", ", new[]
    {
        f.Text.Length > 0 ? $"text \"{f.Text}\"" : null, f.Region.Length > 0 ? $"region {f.Region}" : null,
        f.Status != AccreditationStatus.Unspecified ? Words.Status(f.Status) : null, f.Type != ContactType.Unspecified ? Words.Type(f.Type) : null,
        f.Setting != DeliverySetting.Unspecified ? Words.Setting(f.Setting) : null,
    }.Where(s => s is not null));

    /// <summary>Sets the file to write (for scripted use and tests).</summary>
    public void PathTo(string path) => _path.Text = path;

    private void Export()
    {
        if (_path.Text.Trim().Length == 0) { Shell.Warn("Name the CSV file to write."); return; }
        var path = Path.GetFullPath(_path.Text.Trim());
        Exports.AskBeforeReplacing(Shell, path, replace => Export(path, replace));
    }

    private void Export(string path, bool replace)
    {
        _result.Text = "Exporting…";
        Call(async c =>
        {
            var (all, _) = await Paging.ReadAsync<Centre>(async token =>
            {
                var page = await c.Register.ListCentresAsync(_filter.ToRequest(500, token));
                return (page.Centres, page.NextPageToken, page.TotalSize);
            });
            await using var writer = new StreamWriter(Exports.Open(path, replace));
            CentreCsv.Write(writer, all);
            return all.Count;
        }, count =>
        {
            _result.Text = $"Wrote {count} centres to {path}.";
            Shell.Say(_result.Text);
        }, ex =>
        {
            _result.Text = "";
            Shell.Warn(ex is IOException or UnauthorizedAccessException ? $"Cannot write \"{path}\": {ex.Message}" : Words.Problem(ex, Shell.Server));
        });
    }
}
