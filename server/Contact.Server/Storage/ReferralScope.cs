using Contact.Server.Domain.Referrals;

namespace Contact.Server.Storage;

/// <summary>Whose referrals a caller may see: all (NCT), or those of an FCA identity and/or a centre.</summary>
public sealed record ReferralScope(bool All, string? FcaId, string? CentreId)
{
    public bool Includes(Referral r) => All || (FcaId is not null && r.FcaId == FcaId) || (CentreId is not null && r.CentreId == CentreId);
}
