namespace Contact.Server.Domain.Cases;

/// <summary>Whether a case is open to Cafcass (same numbers as contact.v1.CaseStatus).</summary>
public enum CaseStatus { Unspecified = 0, Open = 1, Closed = 2 }
