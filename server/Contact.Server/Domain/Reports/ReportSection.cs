namespace Contact.Server.Domain.Reports;

/// <summary>One table of the review report: label columns (dimensions) and number columns (measures).</summary>
public sealed record ReportSection(string Key, string Title, IReadOnlyList<string> Clauses,
    IReadOnlyList<string> Dimensions, IReadOnlyList<string> Measures, IReadOnlyList<ReportRow> Rows, string Note = "")
{
    public const int MaxDimensions = 3;
}
