using Contact.Server.Domain.Concerns;

namespace Contact.Server.Domain.Reports;

/// <summary>The concerns' review figures: by type and outcome, and the time NCT took to alert NACCC (policy 1.6, 1.7; MOU 2.1.4, 2.4.3).</summary>
public static class ConcernFigures
{
    public static IEnumerable<ReportSection> Sections(IEnumerable<Concern> concerns, ReportPeriod period)
    {
        var raised = concerns.Where(c => period.Contains(c.RaisedOn)).ToList();
        yield return new ReportSection("concerns.by_type_and_outcome", "Concerns raised in the period, by type and where they stand",
            ["Policy 1.6", "Policy 1.7", "MOU 2.1.4", "MOU 2.4.3"], ["type", "status"], ["concerns"],
            raised.GroupBy(c => (c.Type, c.Status)).OrderBy(g => g.Key.Type).ThenBy(g => g.Key.Status)
                .Select(g => new ReportRow([RegisterFigures.Label(g.Key.Type), RegisterFigures.Label(g.Key.Status)], [g.Count()])).ToList());

        yield return new ReportSection("concerns.time_to_alert_naccc", "Time from a concern being raised to NACCC being alerted",
            ["Policy 1.7", "MOU 2.1.4"], ["type"], ["raised", "alerted", "mean_days", "median_days", "max_days"],
            raised.GroupBy(c => c.Type).OrderBy(g => g.Key).Select(g =>
            {
                var days = g.Where(c => c.AlertDate is not null).Select(c => (double)(c.AlertDate!.Value.DayNumber - c.RaisedOn.DayNumber)).Order().ToList();
                return new ReportRow([RegisterFigures.Label(g.Key)],
                    [g.Count(), days.Count, days.Count == 0 ? 0 : Math.Round(days.Average(), 2), Median(days), days.Count == 0 ? 0 : days[^1]]);
            }).ToList(),
            "Concerns raised in the period; calendar days from the day raised to the alert date.");
    }

    public static double Median(IReadOnlyList<double> sorted) =>
        sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
