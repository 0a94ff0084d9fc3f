using Contact.Server.Domain.Common;
using Contact.Server.Domain.InformationSharing;

namespace Contact.Server.Domain.Reports;

/// <summary>
/// The Safe Referral System's review figures (MOU 3): requests received in the period by the path
/// they took (MOU 2.3.3, 2.3.4), and the time each step took in call-centre working hours
/// (Mon–Thu 09:00–17:00, Fri 09:00–16:30, not bank holidays: MOU 2.3.2).
/// </summary>
public static class SharingFigures
{
    public static IEnumerable<ReportSection> Sections(IEnumerable<SharingRequest> requests, ReportPeriod period, CallCentreHours hours)
    {
        var received = requests.Where(r => period.Contains(UkClock.DateOf(r.Received))).ToList();
        yield return new ReportSection("information_sharing.by_path", "Case Information Sharing Requests received in the period, by path",
            ["MOU 2.3.2", "MOU 2.3.3", "MOU 2.3.4"], ["path"], ["requests"],
            received.GroupBy(Path).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new ReportRow([g.Key], [g.Count()])).ToList(),
            "NOT_KNOWN and CLOSED_OPEN_IN_PAST: SRS told nothing further can be shared; OPEN_*: routed to the allocated FCA.");

        yield return new ReportSection("information_sharing.time_to_answer", "Working hours to answer, by step",
            ["MOU 2.3.2"], ["step"], ["requests", "answered", "mean_hours", "median_hours", "max_hours"],
            [
                Step("CALL_CENTRE", received, r => r.Received, r => r.CallCentreAnswered, hours),
                Step("FCA", received.Where(r => r.FcaId is not null).ToList(), r => r.CallCentreAnswered ?? r.Received, r => r.Answer?.Completed, hours),
            ],
            "Call centre: from receipt to telling SRS the outcome. FCA: from routing to the completed form. Hours counted only while the call centre is open.");
    }

    /// <summary>The path a request took; the labels are stable for the CSV export.</summary>
    public static string Path(SharingRequest r) => r.State switch
    {
        SharingState.AwaitingCallCentre => "AWAITING_CALL_CENTRE",
        SharingState.HeldForReview => "HELD_FOR_REVIEW",
        SharingState.NotOpen when r.OpenInPast == YesNo.Yes => "CLOSED_OPEN_IN_PAST",
        SharingState.NotOpen => "NOT_KNOWN",
        SharingState.WithFca => "OPEN_AWAITING_FCA",
        SharingState.Answered when r.Answer is { CurrentRisk: YesNo.Yes } => "OPEN_CURRENT_RISK",
        SharingState.Answered when r.Answer is { HistoricRisk: YesNo.Yes } => "OPEN_HISTORIC_RISK",
        SharingState.Answered => "OPEN_NO_RISK",
        _ => "OTHER",
    };

    private static ReportRow Step(string step, IReadOnlyList<SharingRequest> requests,
        Func<SharingRequest, DateTimeOffset> from, Func<SharingRequest, DateTimeOffset?> to, CallCentreHours hours)
    {
        var elapsed = requests.Where(r => to(r) is not null)
            .Select(r => Math.Round(hours.WorkingTimeBetween(from(r), to(r)!.Value).TotalHours, 2))
            .Order().ToList();
        return new ReportRow([step],
            [requests.Count, elapsed.Count, elapsed.Count == 0 ? 0 : Math.Round(elapsed.Average(), 2), ConcernFigures.Median(elapsed), elapsed.Count == 0 ? 0 : elapsed[^1]]);
    }
}
