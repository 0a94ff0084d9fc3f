using System.Globalization;
using Contact.Server.Domain.Common;
using Contact.Server.Domain.Register;

namespace Contact.Server.Domain.Grants;

/// <summary>Same numbers as contact.v1.GrantApplicationStatus.</summary>
public enum GrantApplicationStatus { Unspecified = 0, Pending = 1, Awarded = 2, Declined = 3 }

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
