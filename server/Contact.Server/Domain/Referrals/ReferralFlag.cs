namespace Contact.Server.Domain.Referrals;

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
