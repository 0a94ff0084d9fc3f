namespace Contact.Server.Domain.Grants;

/// <summary>Same numbers as contact.v1.GrantApplicationStatus.</summary>
public enum GrantApplicationStatus { Unspecified = 0, Pending = 1, Awarded = 2, Declined = 3 }
