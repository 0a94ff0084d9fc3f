namespace Contact.Server.Security;

public sealed record AuditVerification(bool Intact, long EntriesChecked, long FirstBrokenSequence, string Problem);
