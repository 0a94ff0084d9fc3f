using Contact.Server.Domain.Common;
using Contact.Server.Domain.Referrals;

namespace Contact.Server.Domain.Reports;

/// <summary>
/// The referrals' review figures (MOU 3): referrals submitted in the period by kind, contact type
/// and where they stand (policy 1.2; MOU 2.2.4–2.2.6), and the time centres took to give their
/// first answer (accept, waitlist or decline).
/// </summary>
public static class ReferralFigures
{
    private static readonly ReferralAction[] Answers = [ReferralAction.Accept, ReferralAction.Waitlist, ReferralAction.Decline];

    public static IEnumerable<ReportSection> Sections(IEnumerable<Referral> referrals, ReportPeriod period)
    {
        var submitted = referrals.Where(r => period.Contains(UkClock.DateOf(r.Created))).ToList();
        yield return new ReportSection("referrals.by_kind_type_and_outcome", "Referrals submitted in the period, by kind, contact type and where they stand",
            ["Policy 1.2", "MOU 2.2.4", "MOU 2.2.5"], ["kind", "contact_type", "status"], ["referrals"],
            submitted.GroupBy(r => (r.Kind, r.ContactType, r.Status))
                .OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.ContactType).ThenBy(g => g.Key.Status)
                .Select(g => new ReportRow([RegisterFigures.Label(g.Key.Kind), RegisterFigures.Label(g.Key.ContactType), RegisterFigures.Label(g.Key.Status)], [g.Count()]))
                .ToList());

        yield return new ReportSection("referrals.time_to_answer", "Time from submission to the centre's first answer",
            ["Policy 1.5"], ["contact_type"], ["submitted", "answered", "mean_days", "median_days", "max_days"],
            submitted.GroupBy(r => r.ContactType).OrderBy(g => g.Key).Select(g =>
            {
                var days = g.Select(FirstAnswerDays).OfType<double>().Order().ToList();
                return new ReportRow([RegisterFigures.Label(g.Key)],
                    [g.Count(), days.Count, days.Count == 0 ? 0 : Math.Round(days.Average(), 2), ConcernFigures.Median(days), days.Count == 0 ? 0 : days[^1]]);
            }).ToList(),
            "Referrals submitted in the period; elapsed days (to the hour) from submission to the first accept, waitlist or decline.");
    }

    private static double? FirstAnswerDays(Referral r) =>
        r.History.Where(t => Answers.Contains(t.Action)).OrderBy(t => t.Time).FirstOrDefault() is { } answer
            ? Math.Round((answer.Time - r.Created).TotalDays, 2)
            : null;
}
