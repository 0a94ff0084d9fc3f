namespace Contact.Server.Domain.Reports;

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
