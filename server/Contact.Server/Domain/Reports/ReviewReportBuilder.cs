using CsvHelper;
using System.Globalization;
using System.Text;

namespace Contact.Server.Domain.Reports;

/// <summary>A period of UK calendar days, both ends inclusive.</summary>
public sealed record ReportPeriod(DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly day) => Start <= day && day <= End;
}

/// <summary>One table of the review report: label columns (dimensions) and number columns (measures).</summary>
public sealed record ReportSection(string Key, string Title, IReadOnlyList<string> Clauses,
    IReadOnlyList<string> Dimensions, IReadOnlyList<string> Measures, IReadOnlyList<ReportRow> Rows, string Note = "")
{
    public const int MaxDimensions = 3;
}

public sealed record ReportRow(IReadOnlyList<string> Labels, IReadOnlyList<double> Values);

/// <summary>
/// One area's part of the MOU review report (MOU 3). Each area of the service (register, concerns,
/// grants, referrals, information sharing) registers one; the report is their sections in
/// <see cref="Order"/>. A contributor computes its figures from its own data for the period, and
/// never fails the whole report for want of data: no data is an empty table.
/// </summary>
public interface IReviewReportContributor
{
    /// <summary>Where its sections go in the report (register 100, referrals 200, information sharing 300, concerns 400, grants 500).</summary>
    int Order { get; }

    IEnumerable<ReportSection> Contribute(ReportPeriod period, DateOnly today);
}

/// <summary>Assembles the report from the contributors and writes it as CSV.</summary>
public static class ReviewReportBuilder
{
    public static IReadOnlyList<ReportSection> Build(IEnumerable<IReviewReportContributor> contributors, ReportPeriod period, DateOnly today)
    {
        var sections = contributors.OrderBy(c => c.Order).SelectMany(c => c.Contribute(period, today)).ToList();
        foreach (var s in sections)
        {
            if (s.Dimensions.Count > ReportSection.MaxDimensions) throw new InvalidOperationException($"Report section {s.Key} has more than {ReportSection.MaxDimensions} dimensions.");
            if (s.Rows.Any(r => r.Labels.Count != s.Dimensions.Count || r.Values.Count != s.Measures.Count))
                throw new InvalidOperationException($"Report section {s.Key} has a row that does not match its columns.");
        }
        return sections;
    }

    public static readonly string[] CsvHeader = ["section", "period_start", "period_end", "label_1", "label_2", "label_3", "measure", "value"];

    /// <summary>
    /// The report as CSV (RFC 4180, CRLF): one row per figure, fixed columns. A label is written as
    /// "dimension=value" so each row reads on its own. Text cells that a spreadsheet would run as a
    /// formula (=, +, -, @, tab, CR first) get an apostrophe (CsvHelper's injection escape); the
    /// figures are numbers and stay numbers.
    /// </summary>
    public static string ToCsv(ReportPeriod period, IReadOnlyList<ReportSection> sections)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteHeader(CsvHeader);
            var start = period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var end = period.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            foreach (var s in sections)
            {
                foreach (var row in s.Rows)
                {
                    var labels = new string[ReportSection.MaxDimensions];
                    for (var i = 0; i < labels.Length; i++) labels[i] = i < row.Labels.Count ? $"{s.Dimensions[i]}={row.Labels[i]}" : "";
                    for (var m = 0; m < s.Measures.Count; m++)
                    {
                        foreach (var cell in (ReadOnlySpan<string>)[s.Key, start, end, labels[0], labels[1], labels[2], s.Measures[m]]) csv.WriteField(cell);
                        csv.WriteField(row.Values[m], "0.##");
                        csv.EndRecord();
                    }
                }
            }
        }
        return text.ToString();
    }
}

/// <summary>
/// The MOU's dates (MOU 5 and its signature block: signed 16-04-18 by both parties; in effect
/// "until 36 months after the commencement date"). Configurable under "Contact:Mou" for a varied
/// or renewed MOU.
/// </summary>
public sealed class MouOptions
{
    public DateOnly SignedDate { get; set; } = new(2018, 4, 16);
    public int TermMonths { get; set; } = 36;
    /// <summary>Annual review (MOU 3): every this many months from signature, within the term.</summary>
    public int ReviewIntervalMonths { get; set; } = 12;
    /// <summary>Explicit review due dates, replacing the computed ones when set.</summary>
    public List<DateOnly>? ReviewDueDates { get; set; }

    /// <summary>The last day in force: the day before the term's anniversary of signature.</summary>
    public DateOnly EndDate => SignedDate.AddMonths(TermMonths).AddDays(-1);

    public bool InForce(DateOnly today) => SignedDate <= today && today <= EndDate;

    public IReadOnlyList<DateOnly> ReviewDates()
    {
        if (ReviewDueDates is { Count: > 0 } explicitDates) return [.. explicitDates.Order()];
        var dates = new List<DateOnly>();
        for (var k = 1; ReviewIntervalMonths > 0 && SignedDate.AddMonths(k * ReviewIntervalMonths) <= EndDate; k++)
            dates.Add(SignedDate.AddMonths(k * ReviewIntervalMonths));
        return dates;
    }
}
