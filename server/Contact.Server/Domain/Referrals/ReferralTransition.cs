namespace Contact.Server.Domain.Referrals;

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
