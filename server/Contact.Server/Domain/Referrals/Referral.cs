using Contact.Server.Domain.Register;

namespace Contact.Server.Domain.Referrals;

// Enums carry the same numbers as their contact.v1 counterparts (mapped by value).

/// <summary>What a referral is for (policy 1.2).</summary>
public enum ReferralKind { Unspecified = 0, PlannedWork = 1, Signposting = 2, CourtRecommendation = 3 }

/// <summary>The assessed risk to the child during contact (MOU 2.2.4, 2.2.5).</summary>
public enum RiskLevel { Unspecified = 0, None = 1, Potential = 2, Actual = 3 }

public enum ReferralStatus { Unspecified = 0, Submitted = 1, Accepted = 2, Waitlisted = 3, InProgress = 4, Completed = 5, Declined = 6, Withdrawn = 7, Cancelled = 8 }

public enum ReferralAction { Unspecified = 0, Submit = 1, Accept = 2, Decline = 3, Waitlist = 4, Start = 5, Complete = 6, Withdraw = 7, Cancel = 8 }

public enum DeclineReason { Unspecified = 0, NoCapacity = 1, ServiceNotSuitable = 2, OutsideArea = 3, RiskTooHigh = 4, FamilyDidNotEngage = 5, Other = 6 }

public enum ReferralFlagKind { Unspecified = 0, CentreLostAccreditation = 1 }

/// <summary>What an entry of the referral change log reports.</summary>
public enum ReferralChangeType { Unspecified = 0, Submitted = 1, Transitioned = 2, Flagged = 3 }

/// <summary>Who acted on a referral, in which role (the numbers of contact.v1.Role).</summary>
public sealed record Actor(string Name, int Role);

/// <summary>A child named in a referral. Held in plain text only in memory; the store keeps it encrypted.</summary>
public sealed record Child(string GivenNames, string FamilyName, DateOnly BirthDate);

/// <summary>A referral of a family to a contact centre or service (policy 1.1–1.3, 1.8; MOU 2.2.4–2.2.6).</summary>
public sealed class Referral
{
    public string Id { get; set; } = "";
    public string CaseNumber { get; set; } = "";
    public List<Child> Children { get; set; } = [];
    public ReferralKind Kind { get; set; }
    public ContactKind ContactType { get; set; }
    public string CentreId { get; set; } = "";
    public string CentreDisplayName { get; set; } = "";

    public bool SignificantRisk { get; set; }
    public RiskLevel Risk { get; set; }
    public bool Conflict { get; set; }

    public string PreparationPlan { get; set; } = "";
    public string PreparationDeliveredBy { get; set; } = "";
    public bool FamilyAware { get; set; }
    public bool WaitingTimeChecked { get; set; }

    public string NatureOfDispute { get; set; } = "";
    public string? FurtherInformation { get; set; }
    public string? CourtPermissionReference { get; set; }

    public ReferralStatus Status { get; set; }
    public DeclineReason DeclineReason { get; set; }
    public DateOnly? ExpectedStart { get; set; }
    public List<ReferralTransition> History { get; set; } = [];
    public List<ReferralFlag> Flags { get; set; } = [];

    public string FcaId { get; set; } = "";
    public string RequestId { get; set; } = "";
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset Updated { get; set; }
    /// <summary>The sequence of its last change in the referral change log.</summary>
    public long Sequence { get; set; }

    public string ResourceName => ReferralNames.Of(Id);
    public bool IsOpen => ReferralRules.IsOpen(Status);

    public Referral Clone()
    {
        var copy = (Referral)MemberwiseClone();
        copy.Children = [.. Children];
        copy.History = [.. History];
        copy.Flags = [.. Flags];
        return copy;
    }
}

/// <summary>One dated, attributed transition.</summary>
public sealed class ReferralTransition
{
    public ReferralAction Action { get; set; }
    public ReferralStatus From { get; set; }
    public ReferralStatus To { get; set; }
    public DateTimeOffset Time { get; set; }
    public string Actor { get; set; } = "";
    public int ActorRole { get; set; }
    public string Note { get; set; } = "";
    public DeclineReason DeclineReason { get; set; }
    public DateOnly? ExpectedStart { get; set; }
}

/// <summary>A warning raised on a referral for the practitioner and NCT.</summary>
public sealed class ReferralFlag
{
    public ReferralFlagKind Kind { get; set; }
    public string Reason { get; set; } = "";
    public DateOnly EffectiveDate { get; set; }
    public DateTimeOffset Raised { get; set; }
    /// <summary>The accreditation change that raised it; makes raising the flag idempotent.</summary>
    public long AccreditationSequence { get; set; }
}

public static class ReferralNames
{
    public const string Prefix = "referrals/";
    public static string Of(string id) => Prefix + id;
    public static string? IdOf(string? name) => Names.IdOf(name, Prefix);
}
