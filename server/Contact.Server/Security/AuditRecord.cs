namespace Contact.Server.Security;

/// <summary>One stored audit entry; its hash chains it to the entry before (HMAC-SHA256, keyed outside the store).</summary>
public sealed class AuditRecord
{
    public long Sequence { get; set; }
    public DateTimeOffset Time { get; set; }
    public string Principal { get; set; } = "";
    public string PrincipalName { get; set; } = "";
    public List<Role> Roles { get; set; } = [];
    public string Method { get; set; } = "";
    public List<string> Resources { get; set; } = [];
    public List<string> Cases { get; set; } = [];
    public AuditOutcome Outcome { get; set; }
    public string Detail { get; set; } = "";
    public string Hash { get; set; } = "";
}
