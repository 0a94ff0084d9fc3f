using Contact.Server.Domain.Referrals;
using Contact.Server.Security;

namespace Contact.Server.Storage;

/// <summary>
/// A referral as stored: the body without the children or the court-permitted further information,
/// which are sealed field by field with <see cref="FieldProtector"/> (AES-GCM), so that neither a
/// child's name nor a date of birth is ever written in plain text.
/// </summary>
public sealed class ReferralDocument : IRetainable
{
    public string Id { get; set; } = "";
    /// <summary>"{fca}|{request_id}": one submission per practitioner and request id (unique index).</summary>
    public string RequestKey { get; set; } = "";
    /// <summary>Keyed digest of the submitted body, to tell a retry from a different request reusing the id.</summary>
    public string RequestFingerprint { get; set; } = "";
    public List<SealedChild> Children { get; set; } = [];
    public string? SealedFurtherInformation { get; set; }
    public Referral Referral { get; set; } = new();
    /// <summary>
    /// Set when the referral closes (completed, declined, withdrawn, cancelled): its period counts
    /// from closure. An open referral has none, so it is never anonymised while it is live work.
    /// </summary>
    public DateTimeOffset? RetainUntil { get; set; }
}
