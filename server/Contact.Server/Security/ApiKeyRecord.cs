namespace Contact.Server.Security;

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
