using Contact.Server.Domain.Register;

namespace Contact.Server.Domain.Referrals;

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
