using Contact.Server.Domain.Common;

namespace Contact.Server.Domain.Register;

/// <summary>
/// The accreditation rules: which level covers which contact type (MOU 2.1.1), which decisions are
/// allowed from which status, and when an accreditation lapses by itself (MOU 2.1.3).
/// </summary>
public static class AccreditationRules
{
    /// <summary>NACCC re-accredits every three years.</summary>
    public const int TermYears = 3;

    /// <summary>
    /// The level that must be accredited to offer a contact type (MOU 2.1.1): supervised contact
    /// needs enhanced accreditation; supported, handover and indirect contact need standard.
    /// </summary>
    public static AccreditationLevel LevelFor(ContactKind type) => type switch
    {
        ContactKind.Supervised => AccreditationLevel.Enhanced,
        ContactKind.Supported or ContactKind.Handover or ContactKind.Indirect => AccreditationLevel.Standard,
        _ => AccreditationLevel.Unspecified,
    };

    /// <summary>
    /// The status in force on <paramref name="today"/>: an accreditation past its renewal date is
    /// lapsed at once (MOU 2.1.3), before the lapse job has recorded it.
    /// </summary>
    public static AccreditationStatus EffectiveStatus(AccreditationRecord? record, DateOnly today)
    {
        if (record is null) return AccreditationStatus.NotAccredited;
        if (record.Status is AccreditationStatus.Accredited or AccreditationStatus.Suspended
            && record.RenewalDue is { } due && today > due)
            return AccreditationStatus.Lapsed;
        return record.Status;
    }

    /// <summary>
    /// Whether a centre may be offered as a referral target for a contact type today: it offers the
    /// type and is accredited now at the level that covers it (policy 1.2, 1.4; MOU 2.1.2).
    /// </summary>
    public static bool IsAccreditedFor(Centre centre, ContactKind type, DateOnly today) =>
        centre.ContactTypes.Contains(type)
        && EffectiveStatus(centre.Accreditation(LevelFor(type)), today) == AccreditationStatus.Accredited;

    /// <summary>Whether any level is accredited today.</summary>
    public static bool IsAccreditedAtAnyLevel(Centre centre, DateOnly today) =>
        centre.Accreditations.Any(a => EffectiveStatus(a, today) == AccreditationStatus.Accredited);

    /// <summary>The status a decision leads to from the current one, or null when it is not allowed.</summary>
    public static AccreditationStatus? Next(AccreditationStatus current, AccreditationAction action) => (action, current) switch
    {
        (AccreditationAction.Apply, AccreditationStatus.NotAccredited or AccreditationStatus.Withdrawn or AccreditationStatus.Lapsed) => AccreditationStatus.Candidate,
        (AccreditationAction.Grant, AccreditationStatus.NotAccredited or AccreditationStatus.Candidate or AccreditationStatus.Lapsed or AccreditationStatus.Withdrawn) => AccreditationStatus.Accredited,
        (AccreditationAction.Renew, AccreditationStatus.Accredited or AccreditationStatus.Lapsed) => AccreditationStatus.Accredited,
        (AccreditationAction.Suspend, AccreditationStatus.Accredited) => AccreditationStatus.Suspended,
        (AccreditationAction.Reinstate, AccreditationStatus.Suspended) => AccreditationStatus.Accredited,
        (AccreditationAction.Lapse, AccreditationStatus.Accredited or AccreditationStatus.Suspended) => AccreditationStatus.Lapsed,
        (AccreditationAction.Withdraw, AccreditationStatus.Candidate or AccreditationStatus.Accredited or AccreditationStatus.Suspended or AccreditationStatus.Lapsed) => AccreditationStatus.Withdrawn,
        _ => null,
    };

    /// <summary>The actor recorded on lapses the server records by itself.</summary>
    public const string SystemActor = "system";

    /// <summary>
    /// Applies a decision to a centre and returns the changes to record. A level past its renewal
    /// date has its lapse recorded first, so the history and the change stream show every status
    /// the centre went through (MOU 2.1.3).
    /// </summary>
    public static IReadOnlyList<AccreditationChange> Apply(
        Centre centre, AccreditationLevel level, AccreditationAction action,
        DateOnly effective, DateOnly? renewalDue, string reason, string actor,
        DateTimeOffset now, DateOnly today)
    {
        var changes = RecordDueLapses(centre, now, today, level);
        var record = centre.Accreditation(level);
        if (record is null)
        {
            record = new AccreditationRecord { Level = level };
            centre.Accreditations.Add(record);
            centre.Accreditations.Sort((a, b) => a.Level.CompareTo(b.Level));
        }

        var from = record.Status;
        var to = Next(from, action) ?? throw RuleViolation.Rule(
            "MOU 2.1.1",
            $"{Describe(action)} is not allowed for {Describe(level)} accreditation that is {Describe(from)}",
            "action", reason: Reasons.IllegalAccreditationTransition);

        if (action is AccreditationAction.Grant or AccreditationAction.Renew)
        {
            var due = renewalDue ?? effective.AddYears(TermYears);
            if (due <= today)
                throw RuleViolation.Invalid("renewal_due_date", "must be after today: the accreditation would lapse at once");
            record.GrantedDate = effective;
            record.RenewalDue = due;
        }

        changes.Add(Record(centre, record, action, to, effective, reason, actor, now));
        return changes;
    }

    /// <summary>
    /// Records the lapse of every level past its renewal date (MOU 2.1.3), optionally only one
    /// level. Returns the changes recorded; none when nothing was due.
    /// </summary>
    public static List<AccreditationChange> RecordDueLapses(Centre centre, DateTimeOffset now, DateOnly today, AccreditationLevel? only = null)
    {
        var changes = new List<AccreditationChange>();
        foreach (var record in centre.Accreditations.Where(a => only is null || a.Level == only))
        {
            if (record.Status is not (AccreditationStatus.Accredited or AccreditationStatus.Suspended)) continue;
            if (record.RenewalDue is not { } due || today <= due) continue;
            changes.Add(Record(centre, record, AccreditationAction.Lapse, AccreditationStatus.Lapsed,
                due.AddDays(1), "Renewal date passed without renewal", SystemActor, now));
        }
        return changes;
    }

    private static AccreditationChange Record(
        Centre centre, AccreditationRecord record, AccreditationAction action, AccreditationStatus to,
        DateOnly effective, string reason, string actor, DateTimeOffset now)
    {
        var change = new AccreditationChange
        {
            CentreId = centre.Id,
            CentreDisplayName = centre.DisplayName,
            Level = record.Level,
            Action = action,
            PreviousStatus = record.Status,
            NewStatus = to,
            EffectiveDate = effective,
            Reason = reason,
            Actor = actor,
            Recorded = now,
        };
        record.Status = to;
        record.History.Add(change);
        return change;
    }

    public static string Describe(AccreditationAction action) => action.ToString().ToLowerInvariant();

    public static string Describe(AccreditationStatus status) => status switch
    {
        AccreditationStatus.NotAccredited => "not accredited",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string Describe(AccreditationLevel level) => level.ToString().ToLowerInvariant();
}
