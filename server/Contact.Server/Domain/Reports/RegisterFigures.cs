using Contact.Server.Domain.Common;
using Contact.Server.Domain.Register;

namespace Contact.Server.Domain.Reports;

/// <summary>The register's review figures: centres by type and status; accreditation changes and lapses (MOU 2.1).</summary>
public static class RegisterFigures
{
    public static IEnumerable<ReportSection> Sections(IEnumerable<Centre> centres, IEnumerable<AccreditationChange> changes, ReportPeriod period, DateOnly today)
    {
        var asOf = period.End < today ? period.End : today;
        var byTypeAndStatus = centres
            .Where(c => UkClock.DateOf(c.Created) <= asOf || c.Accreditations.SelectMany(a => a.History).Any(h => h.EffectiveDate <= asOf))
            .SelectMany(c => c.ContactTypes.Select(t => (Type: t, Status: StatusOn(c.Accreditation(AccreditationRules.LevelFor(t)), asOf, today))))
            .GroupBy(x => x)
            .OrderBy(g => g.Key.Type).ThenBy(g => g.Key.Status)
            .Select(g => new ReportRow([Label(g.Key.Type), Label(g.Key.Status)], [g.Count()]))
            .ToList();
        yield return new ReportSection("register.centres_by_type_and_status", "Centres by contact type and accreditation status",
            ["Policy 1.2", "MOU 2.1.1"], ["contact_type", "status"], ["centres"], byTypeAndStatus,
            $"As at {asOf:yyyy-MM-dd}; a centre counts once for each contact type it offers, with the status of the level covering it. " +
            "For a past date, the status is that of the last decision effective on or before it.");

        var inPeriod = changes.Where(c => period.Contains(c.EffectiveDate)).ToList();
        yield return new ReportSection("register.accreditation_changes", "Accreditation decisions in the period",
            ["MOU 2.1.1", "MOU 2.1.3"], ["level", "action"], ["changes"],
            inPeriod.GroupBy(c => (c.Level, c.Action)).OrderBy(g => g.Key.Level).ThenBy(g => g.Key.Action)
                .Select(g => new ReportRow([Label(g.Key.Level), Label(g.Key.Action)], [g.Count()])).ToList(),
            "By effective date.");

        yield return new ReportSection("register.lapses", "Accreditation lapsed in the period",
            ["MOU 2.1.3"], ["level"], ["lapses", "centres"],
            inPeriod.Where(c => c.Action == AccreditationAction.Lapse).GroupBy(c => c.Level).OrderBy(g => g.Key)
                .Select(g => new ReportRow([Label(g.Key)], [g.Count(), g.Select(c => c.CentreId).Distinct().Count()])).ToList(),
            "Lapses recorded (the renewal date passed without renewal), by effective date.");
    }

    /// <summary>The status of a level on a day: in force today, or as left by the last decision effective by then.</summary>
    public static AccreditationStatus StatusOn(AccreditationRecord? record, DateOnly day, DateOnly today)
    {
        if (day >= today) return AccreditationRules.EffectiveStatus(record, today);
        return record?.History.Where(h => h.EffectiveDate <= day).OrderBy(h => h.EffectiveDate).ThenBy(h => h.Sequence).LastOrDefault()?.NewStatus
            ?? AccreditationStatus.NotAccredited;
    }

    internal static string Label<T>(T value) where T : struct, Enum => Snake(value.ToString());

    /// <summary>"NotAccredited" → "NOT_ACCREDITED", as the proto enums spell it.</summary>
    internal static string Snake(string name) =>
        string.Concat(name.Select((ch, i) => i > 0 && char.IsUpper(ch) ? "_" + ch : ch.ToString())).ToUpperInvariant();
}
