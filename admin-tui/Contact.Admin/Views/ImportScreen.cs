using System.Text;
using Contact.V1;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>
/// Imports a register CSV through ImportCentres in batches, with a progress bar and a report of
/// every row the server (or the CSV reader) refused, by line number.
/// </summary>
public sealed class ImportScreen : Screen
{
    public const int BatchSize = 100;

    private readonly TextField _path;
    private readonly CheckBox _validateOnly;
    private readonly ProgressBar _progress;
    private readonly Label _summary;
    private readonly TextView _report;
    private bool _running;

    public ImportScreen(MainWindow shell, string path = "") : base(shell, "Import register CSV")
    {
        var pathLabel = new Label { X = 0, Y = 0, Text = "CSV file:" };
        _path = new TextField { X = 11, Y = 0, Width = Dim.Fill(), Text = path };
        _validateOnly = new CheckBox { X = 11, Y = 1, Text = "Check only (store nothing)" };
        var start = new Button { ShadowStyle = ShadowStyles.None, X = 11, Y = 2, Text = "Import (Ctrl+S)" };
        start.Accepting += (_, e) => { e.Handled = true; Start(); };
        _progress = new ProgressBar { X = 0, Y = 4, Width = Dim.Fill(), Height = 1, ProgressBarStyle = ProgressBarStyle.Continuous };
        _summary = new Label { X = 0, Y = 5, Width = Dim.Fill(), Text = $"A header row names the columns (F1 lists them). Rows go in batches of {BatchSize}." };
        _report = new TextView { X = 0, Y = 6, Width = Dim.Fill(), Height = Dim.Fill(), ReadOnly = true };
        Add(pathLabel, _path, _validateOnly, start, _progress, _summary, _report);
    }

    public override string Help => $"""
        Creates or updates centres from a CSV file with a header row. Columns, in any order:
        {string.Join(", ", CentreCsv.Columns)}.
        A row with a "name" (centres/…) replaces that centre's details; a row without one creates a centre.
        contact_types and address_lines separate values with "|". Rows go to the server in batches of {BatchSize};
        each refused row is reported with its line number and the reason. "Check only" validates without storing.
        Ctrl+S starts.
        """;

    public override IEnumerable<Shortcut> Shortcuts() => [new(Key.S.WithCtrl, "Import", Start)];

    public override void Shown() => _path.SetFocus();

    /// <summary>The finished report (tests read it).</summary>
    public string Report => _report.Text;

    public bool Finished { get; private set; }

    /// <summary>"Check only" is ticked: a dry run.</summary>
    public bool CheckOnly => _validateOnly.Value == CheckState.Checked;

    private void Start()
    {
        if (_running) return;
        var path = _path.Text.Trim();
        IReadOnlyList<CentreCsv.Row> rows;
        try
        {
            using var reader = new StreamReader(path);
            rows = CentreCsv.Read(reader);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            Shell.Warn($"Cannot read \"{path}\": {ex.Message}");
            return;
        }
        if (rows.Count == 0) { Shell.Warn("The file has no rows to import."); return; }
        if (_validateOnly.Value == CheckState.Checked) { Run(rows, validateOnly: true); return; }

        // A real import changes what partners see: say what it will do, and go on only when told to.
        var updates = rows.Count(r => r.Centre is { Name.Length: > 0 });
        var creates = rows.Count(r => r.Centre is { Name.Length: 0 });
        var unreadable = rows.Count(r => r.Centre is null);
        Shell.Confirm("Import register CSV",
            $"Store {creates + updates} centres from \"{Path.GetFileName(path)}\": create {creates}, replace the details of {updates}?" +
            (unreadable > 0 ? $"\n{unreadable} rows cannot be read and are skipped." : "") +
            "\n\nTo check the file without storing anything, tick \"Check only\" instead.",
            "Import and store", () => Run(rows, validateOnly: false));
    }

    private void Run(IReadOnlyList<CentreCsv.Row> rows, bool validateOnly)
    {
        _running = true;
        Finished = false;
        var report = new StringBuilder();
        var (created, updated, failed) = (0, 0, 0);
        foreach (var bad in rows.Where(r => r.Error is not null)) { report.AppendLine($"line {bad.Line}: {bad.Error}"); failed++; }
        var good = rows.Where(r => r.Centre is not null).ToList();
        var batches = good.Chunk(BatchSize).ToList();
        _progress.Fraction = 0;
        _report.Text = report.ToString();

        void Next(int b)
        {
            if (b == batches.Count)
            {
                _running = false;
                Finished = true;
                _progress.Fraction = 1;
                _summary.Text = $"{(validateOnly ? "Checked" : "Done")}: {created} created, {updated} updated, {failed} refused, of {rows.Count} rows.";
                _report.Text = failed == 0 ? "Every row was accepted." : report.ToString();
                Shell.Say(_summary.Text);
                return;
            }
            var batch = batches[b];
            var request = new ImportCentresRequest { ValidateOnly = validateOnly };
            request.Centres.AddRange(batch.Select(r => r.Centre!));
            _summary.Text = $"Sending batch {b + 1} of {batches.Count}…";
            Call(c => c.Register.ImportCentresAsync(request, deadline: DateTime.UtcNow.AddMinutes(2)).ResponseAsync, response =>
            {
                created += response.CreatedCount;
                updated += response.UpdatedCount;
                failed += response.FailedCount;
                foreach (var result in response.Results.Where(r => r.Errors.Count > 0))
                    report.AppendLine($"line {batch[result.Index].Line}: {string.Join("; ", result.Errors.Select(Plain))}");
                _progress.Fraction = (float)(b + 1) / batches.Count;
                _report.Text = report.ToString();
                Next(b + 1);
            }, ex =>
            {
                _running = false;
                Finished = true;
                report.AppendLine($"Stopped at batch {b + 1} of {batches.Count} (rows before it are {(validateOnly ? "checked" : "stored")}): {Words.Problem(ex, Shell.Server)}");
                _report.Text = report.ToString();
                Shell.Warn("The import stopped; see the report.");
            });
        }
        Next(0);
    }

    // "centres[3].address.postcode: must be…" reads better as "postcode: must be…".
    private static string Plain(string error)
    {
        var colon = error.IndexOf(':');
        if (colon <= 0 || !error.StartsWith("centres[", StringComparison.Ordinal)) return error;
        var path = error[..colon];
        var dot = path.IndexOf("].", StringComparison.Ordinal);
        return dot < 0 ? error : Words.FieldName(path[(dot + 2)..]) + error[colon..];
    }
}
