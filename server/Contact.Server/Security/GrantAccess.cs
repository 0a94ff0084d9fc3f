using Contact.Server.Domain.Common;
using Contact.Server.Domain.Grants;

namespace Contact.Server.Security;

/// <summary>
/// Object-level checks on grant applications, on top of the role table (MOU 2.4.2): NCT applies on
/// any centre's behalf; a contact centre applies only for itself and sees only its own application,
/// while those in <see cref="RoleSets.SeeEveryGrantApplication"/> see the whole round.
/// </summary>
public static class GrantAccess
{
    public static bool MayApplyFor(Principal p, string centreId) =>
        p.Has(Role.NctOperator) || (p.CentreId is not null && p.CentreId == centreId);

    /// <summary>Throws PERMISSION_DENIED unless the caller may apply for <paramref name="centreId"/>.</summary>
    public static void CheckApplyFor(Principal p, string centreId)
    {
        if (!MayApplyFor(p, centreId))
            throw new RuleViolation(RefusalKind.PermissionDenied, Reasons.PermissionDenied, "A contact centre may apply only for itself.");
    }

    public static bool MaySee(Principal p, GrantApplication a) =>
        p.HasAny(RoleSets.SeeEveryGrantApplication) || (p.CentreId is not null && a.CentreId == p.CentreId);
}
