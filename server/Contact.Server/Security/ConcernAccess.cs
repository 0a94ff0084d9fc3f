using Contact.Server.Domain.Concerns;

namespace Contact.Server.Security;

/// <summary>
/// Object-level checks on concerns, on top of the role table (policy 1.6, 1.7; MOU 2.1.4, 2.4.3):
/// concerns are NCT's; a practitioner sees those they raised, without NCT's notes or its
/// correspondence with NACCC. Another practitioner's concern is refused as one that does not exist.
/// </summary>
public static class ConcernAccess
{
    /// <summary>The FCA identity a new concern is followed by: the practitioner raising it, or nobody.</summary>
    public static string? RaiserFcaIdOf(Principal p) => p.Has(Role.Practitioner) ? p.FcaId : null;

    public static bool IsRaiser(Principal p, Concern c) =>
        p.Has(Role.Practitioner) && c.RaiserFcaId is not null && c.RaiserFcaId == p.FcaId;

    public static bool MaySee(Principal p, Concern c) => p.Has(Role.NctOperator) || IsRaiser(p, c);

    /// <summary>Whether the caller sees a concern in full; everyone else gets it with notes and NACCC correspondence redacted.</summary>
    public static bool SeesInFull(Principal p) => p.Has(Role.NctOperator);
}
