using Contact.Server.Domain.Referrals;
using LiteDB;

namespace Contact.Server.Storage;

/// <summary>One entry of the referral change log: what changed, whose it is, and the sealed referral just after.</summary>
public sealed class ReferralEvent
{
    [BsonId(false)]
    public long Sequence { get; set; }
    public string ReferralId { get; set; } = "";
    public string FcaId { get; set; } = "";
    public string CentreId { get; set; } = "";
    public ReferralChangeType Type { get; set; }
    public DateTimeOffset Recorded { get; set; }
    public ReferralDocument Snapshot { get; set; } = new();
}
