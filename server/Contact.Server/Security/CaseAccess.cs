using Contact.Server.Domain.Cases;
using Contact.Server.Domain.Common;

namespace Contact.Server.Security;

/// <summary>
/// Object-level checks on the case index, on top of the role table: those in
/// <see cref="RoleSets.ReadEveryCase"/> read any case, a practitioner only a case allocated to them
/// (MOU 2.3.2-2.3.5). A case the caller may not read is refused exactly as one that does not exist.
/// </summary>
public static class CaseAccess
{
    /// <summary>Whether <paramref name="c"/> is allocated to the practitioner calling.</summary>
    public static bool IsAllocatedTo(Principal p, CaseRecord c) =>
        p.Has(Role.Practitioner) && p.FcaId is not null && c.Fca?.FcaId == p.FcaId;

    public static bool MayRead(Principal p, CaseRecord c) => p.HasAny(RoleSets.ReadEveryCase) || IsAllocatedTo(p, c);

    public static bool MayReadDisclosures(Principal p, CaseRecord c) =>
        p.HasAny(RoleSets.ReadEveryDisclosureStatement) || IsAllocatedTo(p, c);

    /// <summary>The case if the caller may read it; otherwise NOT_FOUND under <paramref name="name"/>.</summary>
    public static CaseRecord Readable(Principal p, CaseRecord? c, string name) =>
        c is not null && MayRead(p, c) ? c : throw RuleViolation.NotFound(name);

    /// <summary>The case if the caller may read its disclosure statement; otherwise NOT_FOUND under <paramref name="name"/>.</summary>
    public static CaseRecord DisclosuresReadable(Principal p, CaseRecord? c, string name) =>
        c is not null && MayReadDisclosures(p, c) ? c : throw RuleViolation.NotFound(name);
}
