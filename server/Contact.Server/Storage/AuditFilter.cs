namespace Contact.Server.Storage;

/// <summary>What to look for in the audit trail; empty text and null times match everything.</summary>
public sealed record AuditFilter(string Principal, string CaseNumber, string Resource, DateTimeOffset? From, DateTimeOffset? To);
