namespace Contact.Server.Domain.Reports;

/// <summary>A period of UK calendar days, both ends inclusive.</summary>
public sealed record ReportPeriod(DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly day) => Start <= day && day <= End;
}
