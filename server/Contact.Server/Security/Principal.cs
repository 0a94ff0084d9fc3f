namespace Contact.Server.Security;

/// <summary>
/// An authenticated caller. A practitioner is tied to an FCA identity and a contact centre to its
/// centre: object-level checks compare these with the object asked for.
/// </summary>
public sealed record Principal(string KeyId, string DisplayName, IReadOnlySet<Role> Roles, string? FcaId, string? CentreId)
{
    public static readonly Principal System = new("system", "system", new HashSet<Role>(), null, null);

    public string ResourceName => KeyId == "system" ? "system" : ApiKeyNames.Of(KeyId);
    public bool Has(Role role) => Roles.Contains(role);
    public bool HasAny(params Role[] roles) => roles.Any(Roles.Contains);
}
