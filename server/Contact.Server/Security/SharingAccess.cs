using Contact.Server.Domain.InformationSharing;

namespace Contact.Server.Security;

/// <summary>
/// Object-level checks on Safe Referral System requests, on top of the role table: the call centre
/// and NCT (<see cref="RoleSets.SeeEverySharingRequest"/>) see every request, NACCC the requests its
/// key sent, a practitioner those routed to them (MOU 2.3.1-2.3.4). Services refuse the rest exactly
/// as a request that does not exist.
/// </summary>
public static class SharingAccess
{
    // An FCA identity no request carries: a practitioner key without one lists nothing.
    private const string NoFca = "\0none";

    public static bool MaySee(Principal p, SharingRequest r) =>
        p.HasAny(RoleSets.SeeEverySharingRequest)
        || (p.Has(Role.Naccc) && r.SubmittedBy == p.ResourceName)
        || (p.Has(Role.Practitioner) && p.FcaId is not null && r.FcaId == p.FcaId);

    /// <summary>The requests the caller lists, as a filter the repository applies.</summary>
    public static SharingScope ScopeOf(Principal p) =>
        p.HasAny(RoleSets.SeeEverySharingRequest) ? SharingScope.All
        : p.Has(Role.Practitioner) ? new SharingScope(null, p.FcaId ?? NoFca)
        : new SharingScope(p.ResourceName, null);

    /// <summary>Whether the caller sees Cafcass's side of a request (its notes and its case).</summary>
    public static bool SeesCafcassSide(Principal p) => RoleSets.IsCafcass(p);
}
