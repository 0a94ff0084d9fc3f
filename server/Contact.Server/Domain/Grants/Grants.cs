using System.Globalization;
using Contact.Server.Domain.Common;
using Contact.Server.Domain.Register;

namespace Contact.Server.Domain.Grants;

/// <summary>Same numbers as contact.v1.GrantApplicationStatus.</summary>
public enum GrantApplicationStatus { Unspecified = 0, Pending = 1, Awarded = 2, Declined = 3 }

/// <summary>A UK public-sector financial year, 1 April to 31 March, written "2026-27".</summary>
public readonly record struct FinancialYear(int StartYear)
{
    public DateOnly Start => new(StartYear, 4, 1);
    public DateOnly End => new(StartYear + 1, 3, 31);
    public override string ToString() => $"{StartYear}-{(StartYear + 1) % 100:00}";

    public static FinancialYear Containing(DateOnly day) => new(day.Month >= 4 ? day.Year : day.Year - 1);

    /// <summary>Parses "YYYY-YY" where YY is the year after YYYY; null when malformed.</summary>
    public static FinancialYear? Parse(string? text)
    {
        if (text is not { Length: 7 } || text[4] != '-') return null;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var end)) return null;
        return start is >= 2000 and <= 2200 && end == (start + 1) % 100 ? new FinancialYear(start) : null;
    }
}

/// <summary>The grant round of one financial year with its budget (MOU 2.4.2).</summary>
public sealed class GrantRound
{
    /// <summary>The financial year, "2026-27".</summary>
    public string Id { get; set; } = "";
    public long BudgetPence { get; set; }
    public DateTimeOffset Created { get; set; }

    public FinancialYear Year => FinancialYear.Parse(Id) ?? throw new InvalidOperationException($"Stored grant round '{Id}' has no financial year.");
    public string ResourceName => GrantNames.Round(Id);
}

/// <summary>A centre's application for a round's grant.</summary>
public sealed class GrantApplication
{
    public string Id { get; set; } = "";
    public string RoundId { get; set; } = "";
    public string CentreId { get; set; } = "";
    public string CentreDisplayName { get; set; } = "";
    public long RequestedPence { get; set; }
    public string Purpose { get; set; } = "";
    public GrantApplicationStatus Status { get; set; } = GrantApplicationStatus.Pending;
    public long AwardedPence { get; set; }
    public bool Flagged { get; set; }
    public string? FlagReason { get; set; }
    public string? DecisionNote { get; set; }
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset? Decided { get; set; }

    public string ResourceName => GrantNames.Application(RoundId, Id);
}

public static class GrantNames
{
    public const string RoundPrefix = "grantRounds/";
    public static string Round(string year) => RoundPrefix + year;
    public static string Application(string year, string id) => $"{RoundPrefix}{year}/applications/{id}";

    public static string? RoundId(string? name) =>
        name is not null && name.StartsWith(RoundPrefix, StringComparison.Ordinal) && FinancialYear.Parse(name[RoundPrefix.Length..]) is { } y ? y.ToString() : null;

    public static (string Round, string Id)? ApplicationId(string? name)
    {
        var parts = name?.Split('/');
        if (parts is not { Length: 4 } || parts[0] != "grantRounds" || parts[2] != "applications") return null;
        return FinancialYear.Parse(parts[1]) is { } y && Names.IdOf("x/" + parts[3], "x/") is { } id ? (y.ToString(), id) : null;
    }
}

/// <summary>The grant rules of MOU 2.4.2 (with 2.1.2: Cafcass deals only with accredited centres).</summary>
public static class GrantRules
{
    public const string Clause = "MOU 2.4.2";

    /// <summary>A centre may apply, and be awarded, only while accredited for supported contact.</summary>
    public static void RequireEligible(Centre centre, DateOnly today)
    {
        if (!AccreditationRules.IsAccreditedFor(centre, ContactKind.Supported, today))
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
            throw RuleViolation.Invalid("amount_pence", $"must not exceed the {application.RequestedPence} pence requested");
        if (centre is null) throw RuleViolation.NotFound(Names.Centre(application.CentreId));
        RequireEligible(centre, today);
        var remaining = round.BudgetPence - awardedSoFar;
        if (amount > remaining)
            throw RuleViolation.Rule(Clause, $"Awarding {amount} pence would exceed the {round.Id} budget: {remaining} pence of {round.BudgetPence} remain", "amount_pence");
    }

    /// <summary>Why a change to a centre's accreditation flags its pending applications; null when it does not.</summary>
    public static string? FlagReason(AccreditationChange change) =>
        change.Level == AccreditationLevel.Standard && change.NewStatus is AccreditationStatus.Suspended or AccreditationStatus.Lapsed or AccreditationStatus.Withdrawn
            ? $"Standard (supported contact) accreditation {AccreditationRules.Describe(change.NewStatus)} on {change.EffectiveDate:yyyy-MM-dd}"
            : null;
}
