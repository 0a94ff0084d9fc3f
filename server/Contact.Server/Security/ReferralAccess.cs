using Contact.Server.Domain.Common;
using Contact.Server.Domain.Referrals;
using Contact.Server.Storage;

namespace Contact.Server.Security;

/// <summary>
/// Object-level checks on referrals, on top of the role table: a practitioner sees and acts on the
/// referrals they submitted, a contact centre on those addressed to it, NCT on all. Someone else's
/// referral is refused exactly as one that does not exist, so a refusal reveals nothing.
/// </summary>
public static class ReferralAccess
{
    public static ReferralScope ScopeOf(Principal p) => p.Has(Role.NctOperator)
        ? new ReferralScope(true, null, null)
        : new ReferralScope(false, p.Has(Role.Practitioner) ? p.FcaId : null, p.Has(Role.ContactCentre) ? p.CentreId : null);

    public static bool IsPractitionerOf(Principal p, Referral r) => p.Has(Role.Practitioner) && p.FcaId is not null && p.FcaId == r.FcaId;

    public static bool IsCentreOf(Principal p, Referral r) => p.Has(Role.ContactCentre) && p.CentreId is not null && p.CentreId == r.CentreId;

    /// <summary>
    /// Who may take <paramref name="action"/>, beyond seeing the referral: the centre moves it along,
    /// the practitioner who submitted it withdraws it, NCT cancels. Returns the role the caller acts
    /// in (for the history) and the check on the referral itself.
    /// </summary>
    public static (Role Role, Func<Referral, bool> MayAct) ActingAs(Principal p, ReferralAction action) => action switch
    {
        ReferralAction.Withdraw => (Role.Practitioner, r => IsPractitionerOf(p, r)),
        ReferralAction.Cancel => (Role.NctOperator, _ => p.Has(Role.NctOperator)),
        _ => (Role.ContactCentre, r => IsCentreOf(p, r)),
    };

    /// <summary>
    /// Throws unless <paramref name="p"/> may see <paramref name="referral"/> (and, with
    /// <paramref name="mayAct"/>, act on it). Missing is NOT_FOUND only for NCT, who may see every referral.
    /// </summary>
    public static void Check(Principal p, Referral? referral, string name, Func<Referral, bool>? mayAct = null)
    {
        var scope = ScopeOf(p);
        if (referral is null) throw scope.All ? RuleViolation.NotFound(name) : Denied();
        if (!scope.Includes(referral) || (mayAct is not null && !mayAct(referral))) throw Denied();
    }

    private static RuleViolation Denied() => new(RefusalKind.PermissionDenied, Reasons.PermissionDenied,
        "The referral is not one the caller may see or act on (or it does not exist).");
}
