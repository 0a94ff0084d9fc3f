using CsvHelper;
using System.Globalization;

namespace Contact.Server.Domain.Reports;

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
