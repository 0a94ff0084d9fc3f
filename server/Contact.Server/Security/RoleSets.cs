namespace Contact.Server.Security;

/// <summary>The role sets the access rules speak of, each defined once.</summary>
public static class RoleSets
{
    /// <summary>
    /// Cafcass's own roles. They see what Cafcass keeps to itself (its notes, the case behind a
    /// sharing request); NACCC sees only what Cafcass shares with it, so no key holds both (MOU 2.3.3, 2.3.4).
    /// </summary>
    public static readonly Role[] Cafcass = [Role.NctOperator, Role.Practitioner, Role.CallCentre, Role.CaseSystem];

    public static bool IsCafcass(Principal p) => p.HasAny(Cafcass);
}
