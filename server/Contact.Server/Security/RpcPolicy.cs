namespace Contact.Server.Security;

/// <summary>Who may call an RPC. <see cref="Public"/> RPCs need no credential (health, reflection).</summary>
public sealed record RpcPolicy(IReadOnlySet<Role> Roles, AuditKind Audit, bool Public = false)
{
    public bool Allows(Principal principal) => Public || principal.Roles.Overlaps(Roles);
}
