using Contact.Server.Domain.Common;
using Contact.Server.Domain.Grants;

namespace Contact.Server.Domain.Reports;

/// <summary>The grants' review figures (MOU 2.4.2).</summary>
public static class GrantFigures
{
    public static IEnumerable<ReportSection> Sections(IEnumerable<GrantRound> rounds, IEnumerable<GrantApplication> applications, ReportPeriod period)
    {
        var byRound = applications.ToLookup(a => a.RoundId);
        yield return new ReportSection("grants.awarded", "Grant rounds overlapping the period: budget, applications and awards",
            ["MOU 2.4.2"], ["financial_year"], ["budget_pence", "applications", "awarded", "awarded_pence", "declined", "pending", "flagged"],
            rounds.Where(r => r.Year.Start <= period.End && period.Start <= r.Year.End).OrderBy(r => r.Id, StringComparer.Ordinal).Select(r =>
            {
                var list = byRound[r.Id].ToList();
                var awarded = list.Where(a => a.Status == GrantApplicationStatus.Awarded && a.Decided is { } d && period.Contains(UkClock.DateOf(d))).ToList();
                return new ReportRow([r.Id], [r.BudgetPence, list.Count, awarded.Count, awarded.Sum(a => a.AwardedPence),
                    list.Count(a => a.Status == GrantApplicationStatus.Declined), list.Count(a => a.Status == GrantApplicationStatus.Pending), list.Count(a => a.Flagged)]);
            }).ToList(),
            "Awards decided within the period; applications, declined, pending and flagged over the whole round.");
    }
}
