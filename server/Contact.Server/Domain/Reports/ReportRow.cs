namespace Contact.Server.Domain.Reports;

public sealed record ReportRow(IReadOnlyList<string> Labels, IReadOnlyList<double> Values);
