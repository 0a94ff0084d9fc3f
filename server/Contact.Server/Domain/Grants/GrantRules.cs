using System.Globalization;
using Contact.Server.Domain.Common;
using Contact.Server.Domain.Register;

namespace Contact.Server.Domain.Grants;

/// <summary>The grant rules of MOU 2.4.2 (with 2.1.2: Cafcass deals only with accredited centres).</summary>
public static class GrantRules
{
    public const string Clause = "MOU 2.4.2";

    /// <summary>Whether a centre may hold a grant today: accredited for supported contact (MOU 2.4.2, 2.1.2).</summary>
    public static bool IsEligible(Centre centre, DateOnly today) => AccreditationRules.IsAccreditedFor(centre, ContactKind.Supported, today);

    /// <summary>A centre may apply, and be awarded, only while accredited for supported contact.</summary>
    public static void RequireEligible(Centre centre, DateOnly today)
    {
        if (!IsEligible(centre, today))
            throw RuleViolation.Rule("MOU 2.4.2, 2.1.2",
                $"{centre.ResourceName} is not accredited for supported contact today: the annual grant is for NACCC accredited supported contact centres",
                "application.centre", reason: Reasons.NotAccredited);
    }

    /// <summary>Applications are made within the round's financial year.</summary>
    public static void RequireOpen(GrantRound round, DateOnly today)
    {
        if (today > round.Year.End)
            throw RuleViolation.Rule(Clause, $"The {round.Id} round closed on {round.Year.End:yyyy-MM-dd}: the grant is annual", "parent");
    }

    /// <summary>An application is decided once: awarding or declining it again is refused (MOU 2.4.2).</summary>
    public static void RequirePending(GrantApplication application)
    {
        if (application.Status != GrantApplicationStatus.Pending)
            throw RuleViolation.Rule(Clause, $"The application is already {application.Status.ToString().ToLowerInvariant()}", "name");
    }

    /// <summary>
    /// Checks an award against the round's budget. <paramref name="awardedSoFar"/> must be read in the
    /// same write that records the award, so that concurrent awards cannot together exceed it.
    /// </summary>
    public static void CheckAward(GrantRound round, long awardedSoFar, GrantApplication application, long amount, Centre? centre, DateOnly today)
    {
        RequirePending(application);
        if (amount > application.RequestedPence)
            throw RuleViolation.Invalid("amount_pence", $"must not exceed the {Pounds(application.RequestedPence)} requested");
        if (centre is null) throw RuleViolation.NotFound(Names.Centre(application.CentreId));
        RequireEligible(centre, today);
        var remaining = round.BudgetPence - awardedSoFar;
        if (amount > remaining)
            throw RuleViolation.Rule(Clause, $"Awarding {Pounds(amount)} would exceed the {round.Id} budget: {Pounds(remaining)} of {Pounds(round.BudgetPence)} remain", "amount_pence");
    }

    /// <summary>Pence as people read money, "£4,000.00" (refusals are read by people; amounts travel in pence).</summary>
    public static string Pounds(long pence) =>
        (pence < 0 ? "-" : "") + "£" + (Math.Abs((decimal)pence) / 100).ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary>Why a change to a centre's accreditation flags its pending applications; null when it does not.</summary>
    public static string? FlagReason(AccreditationChange change) =>
        change.Level == AccreditationLevel.Standard && change.NewStatus is AccreditationStatus.Suspended or AccreditationStatus.Lapsed or AccreditationStatus.Withdrawn
            ? $"Standard (supported contact) accreditation {AccreditationRules.Describe(change.NewStatus)} on {change.EffectiveDate:yyyy-MM-dd}"
            : null;
}
