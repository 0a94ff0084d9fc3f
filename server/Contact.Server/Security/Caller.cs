namespace Contact.Server.Security;

/// <summary>The authenticated caller of the current call, and what the call touched for the audit trail.</summary>
public sealed record Caller(Principal Principal, CallAudit Audit);
