namespace Contact.Server.Security;

public enum AuditOutcome { Unspecified = 0, Ok = 1, Denied = 2, Failed = 3 }
