namespace Contact.Server.Security;

/// <summary>What the audit trail records for a call.</summary>
public enum AuditKind
{
    /// <summary>Nothing beyond refusals (public register reads).</summary>
    None,
    /// <summary>A write: recorded in the same transaction, and refusals too.</summary>
    Write,
    /// <summary>A read of a child's data or of the audit trail: recorded before the answer is sent.</summary>
    SensitiveRead,
}
