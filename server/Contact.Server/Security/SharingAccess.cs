using Contact.Server.Domain.InformationSharing;

namespace Contact.Server.Security;

/// <summary>
/// Object-level checks on Safe Referral System requests, on top of the role table: the call centre
/// and NCT see every request, NACCC the requests its key sent, a practitioner those routed to them
/// (MOU 2.3.1-2.3.4). Services refuse the rest exactly as a request that does not exist.
/// </summary>
public static class SharingAccess
{
    public static bool MaySee(Principal p, SharingRequest r) =>
        p.HasAny(Role.CallCentre, Role.NctOperator)
        || (p.Has(Role.Naccc) && r.SubmittedBy == p.ResourceName)
        || (p.Has(Role.Practitioner) && p.FcaId is not null && r.FcaId == p.FcaId);

    /// <summary>Whether the caller sees Cafcass's side of a request (its notes and its case).</summary>
    public static bool SeesCafcassSide(Principal p) => RoleSets.IsCafcass(p);
}
