using Contact.Server.Domain.Common;

namespace Contact.Server.Security;

/// <summary>
/// Object-level checks on register entries, on top of the role table: those in
/// <see cref="RoleSets.KeepEveryCentre"/> keep any centre's waiting time, a contact centre only its own.
/// </summary>
public static class CentreAccess
{
    public static bool MayUpdateWaitingTime(Principal p, string centreId) =>
        p.HasAny(RoleSets.KeepEveryCentre) || (p.CentreId is not null && p.CentreId == centreId);

    /// <summary>
    /// Throws PERMISSION_DENIED unless the caller keeps <paramref name="centreId"/>'s waiting time.
    /// Checked before the centre is looked up, so a centre is not told whether other centres exist.
    /// </summary>
    public static void CheckWaitingTime(Principal p, string centreId)
    {
        if (!MayUpdateWaitingTime(p, centreId))
            throw new RuleViolation(RefusalKind.PermissionDenied, Reasons.PermissionDenied, "A contact centre may update only its own waiting time.");
    }
}
