using System.Globalization;
using System.Text;
using Contact.V1;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>
/// The MOU's dates and the figures for its annual review (MOU 3, 5) over a period: each section
/// of the report as a small aligned table, read-only and scrollable; F4 exports the same as CSV.
/// </summary>
public sealed class ReviewReportScreen : Screen
{
    private const int TextWidth = 76;

    private readonly Label _terms;
    private readonly TextField _from;
    private readonly TextField _to;
    private readonly TextView _report;
    private DateRange? _period;   // null: the server's default, the twelve months up to today

    public ReviewReportScreen(MainWindow shell) : base(shell, "MOU review report")
    {
        _terms = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = 2, Text = "Loading…" };
        var fromLabel = new Label { X = 0, Y = 2, Text = "Period from:" };
        _from = new TextField { X = 13, Y = 2, Width = 11 };
        var toLabel = new Label { X = 25, Y = 2, Text = "to:" };
        _to = new TextField { X = 29, Y = 2, Width = 11 };
        var hint = new Label { X = 41, Y = 2, Text = "yyyy-mm-dd; F2 edits, Enter runs" };
        _report = new TextView { X = 0, Y = 3, Width = Dim.Fill(), Height = Dim.Fill(), ReadOnly = true, WordWrap = false };
        foreach (var field in new[] { _from, _to })
            field.Accepting += (_, e) => { e.Handled = true; Run(); };
        Add(_terms, fromLabel, _from, toLabel, _to, hint, _report);
    }

    /// <summary>The report as last loaded.</summary>
    public ReviewReport? Report { get; private set; }

    public override string Help => """
        The figures NCT and NACCC review together each year (MOU 3): the register, referrals and
        information sharing where installed, concerns, and grants, each with the clauses it bears on.
        The header gives the MOU's dates: signed, end of its term (MOU 5), the next review due, and
        whether it is in force today. The period starts as the twelve months up to today.
        F2  edit the period (from and to, yyyy-mm-dd; Enter runs the report)
        F4  export the report as CSV to a file      F5  refresh
        Arrow keys and PgUp/PgDn scroll the report.
        """;

    public override IEnumerable<Shortcut> Shortcuts() =>
    [
        new(Key.F2, "Period", () => _from.SetFocus()),
        new(Key.F4, "Export CSV", Export),
        new(Key.F5, "Refresh", Load),
    ];

    public override void Reconnected() => Load();

    public override void Shown()
    {
        _report.SetFocus();
        Load();
    }

    /// <summary>Sets the period's ends as typed (for scripted use and tests); Run applies them.</summary>
    public void Period(string from, string to)
    {
        _from.Text = from;
        _to.Text = to;
    }

    /// <summary>Checks the typed period, then runs the report for it.</summary>
    public void Run()
    {
        var startOk = Words.TryParseDate(_from.Text, out var start) && start is not null;
        var endOk = Words.TryParseDate(_to.Text, out var end);
        var problem =
            !startOk ? "\"from\" must be a date like 2025-04-01"
            : !endOk ? "\"to\" must be a date like 2026-03-31"
            : end is not null && Day(end) < Day(start!) ? "\"to\" must not be before \"from\""
            : null;
        if (problem is not null)
        {
            Shell.Warn($"Period not run: {problem}.");
            _from.SetFocus();
            return;
        }
        _period = new DateRange { StartDate = start, EndDate = end };
        _report.SetFocus();
        Load();
    }

    private static DateOnly Day(Google.Type.Date d) => new(d.Year, d.Month, d.Day);

    private void Load()
    {
        var period = _period;
        Call(async c =>
        {
            var terms = await c.Reports.GetMouTermsAsync(new GetMouTermsRequest());
            var report = await c.Reports.GetReviewReportAsync(new GetReviewReportRequest { Period = period });
            return (terms, report);
        }, loaded =>
        {
            var (terms, report) = loaded;
            Report = report;
            _terms.Text = Terms(terms);
            _from.Text = Words.Date(report.Period.StartDate);
            _to.Text = Words.Date(report.Period.EndDate);
            _report.Text = Describe(report);
            SetNeedsDraw();
        });
    }

    private void Export()
    {
        var period = _period;
        Call(c => c.Reports.ExportReviewReportAsync(new ExportReviewReportRequest { Period = period }).ResponseAsync,
            export => Shell.Show(new ReviewExportScreen(Shell, export)));
    }

    public static string Terms(MouTerms t) =>
        $"MOU signed {Words.Date(t.SignedDate)}, term {t.TermMonths} months, ends {Words.Date(t.EndDate)} · {(t.InForce ? "IN FORCE" : "NOT IN FORCE")}\n" +
        (t.NextReviewDueDate is null ? "No review due: the term has ended (unless varied in writing, MOU 5)." : $"Next annual review due {Words.Date(t.NextReviewDueDate)} (MOU 3).");

    /// <summary>The report as text: per section its title, clauses, note, and its rows as an aligned table.</summary>
    public static string Describe(ReviewReport report)
    {
        var s = new StringBuilder();
        s.AppendLine($"Period {Words.Date(report.Period.StartDate)} to {Words.Date(report.Period.EndDate)}, computed {Words.Time(report.GenerateTime)}.");
        foreach (var section in report.Sections)
        {
            s.AppendLine();
            foreach (var line in Wrap(section.Title, TextWidth)) s.AppendLine(line);
            if (section.Clauses.Count > 0) s.AppendLine($"  Clauses: {string.Join(", ", section.Clauses)}");
            if (section.Note.Length > 0)
                foreach (var line in Wrap("Note: " + section.Note, TextWidth - 2)) s.AppendLine("  " + line);
            if (section.Rows.Count == 0) { s.AppendLine("  (no figures for the period)"); continue; }
            foreach (var line in Table(section)) s.AppendLine("  " + line);
        }
        return s.ToString();
    }

    // Labels left-aligned, numbers right-aligned, each column as wide as its widest cell.
    private static IEnumerable<string> Table(ReportSection section)
    {
        var dims = section.Dimensions.Count;
        var header = section.Dimensions.Select(Heading).Concat(section.Measures.Select(Heading)).ToList();
        var rows = section.Rows.Select(r => r.Labels.Concat(r.Values.Select((v, i) => Figure(section.Measures[i], v))).ToList()).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToList();
        string Line(IReadOnlyList<string> cells) =>
            string.Join("  ", cells.Select((c, i) => i < dims ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd();
        yield return Line(header);
        yield return string.Join("  ", widths.Select(w => new string('-', w)));
        foreach (var row in rows) yield return Line(row);
    }

    // "awarded_pence" reads as "awarded £", its figures in pounds.
    private static string Heading(string name) =>
        (name.EndsWith("_pence", StringComparison.Ordinal) ? name[..^"_pence".Length] + " £" : name).Replace('_', ' ');

    private static string Figure(string measure, double value) =>
        measure.EndsWith("_pence", StringComparison.Ordinal) ? Words.Money((long)Math.Round(value))
        : value == Math.Floor(value) && Math.Abs(value) < 1e15 ? ((long)value).ToString(CultureInfo.InvariantCulture)
        : value.ToString("0.##", CultureInfo.InvariantCulture);

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width) { yield return line.ToString(); line.Clear(); }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) yield return line.ToString();
    }
}
