using Contact.Server.Security;

namespace Contact.Tests.Support;

/// <summary>Callers for the object-level access tests: one role each, tied as a key of that role would be.</summary>
public static class Principals
{
    public const string Fca = "fca-ours";
    public const string Centre = "centre-ours";

    /// <summary>A caller holding <paramref name="role"/>; a practitioner is tied to <see cref="Fca"/>, a contact centre to <see cref="Centre"/>.</summary>
    public static Principal Of(Role role) => new("key-" + role, role.ToString(), new HashSet<Role> { role },
        role == Role.Practitioner ? Fca : null, role == Role.ContactCentre ? Centre : null);

    public static Principal Practitioner(string? fcaId) => new("key-fca", "Practitioner", new HashSet<Role> { Role.Practitioner }, fcaId, null);

    public static Principal ContactCentre(string? centreId) => new("key-centre", "Centre", new HashSet<Role> { Role.ContactCentre }, null, centreId);
}
