namespace Contact.Server.Security;

/// <summary>Roles (the same numbers as contact.v1.Role); see ../shared/DOMAIN.md "Who uses it".</summary>
public enum Role
{
    Unspecified = 0,
    NctOperator = 1,
    Naccc = 2,
    Practitioner = 3,
    CallCentre = 4,
    ContactCentre = 5,
    CaseSystem = 6,
    Auditor = 7,
}

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

public static class ApiKeyNames
{
    public const string Prefix = "apiKeys/";
    public static string Of(string keyId) => Prefix + keyId;
}

/// <summary>A stored API key: the secret itself is never stored, only its SHA-256.</summary>
public sealed class ApiKeyRecord
{
    public string Id { get; set; } = "";
    public string SecretHash { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public List<Role> Roles { get; set; } = [];
    public string? FcaId { get; set; }
    public string? CentreId { get; set; }
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset Expires { get; set; }
    public DateTimeOffset? Revoked { get; set; }
    public DateTimeOffset? LastUsed { get; set; }
    public string IssuedBy { get; set; } = "";

    public bool IsActive(DateTimeOffset now) => Revoked is null && now < Expires;

    // Built once per record instead of once per call: what it holds is fixed when the key is issued, and
    // Credentials replaces its cached record on revocation. Private, so LiteDB does not store it; a race
    // at most builds two equal principals.
    private Principal? _principal;

    public Principal ToPrincipal() => _principal ??= new(Id, DisplayName, Roles.ToHashSet(), FcaId, CentreId);
}
