namespace Contact.Server.Domain.Referrals;

// Same numbers as its contact.v1 counterpart (mapped by value).

/// <summary>The assessed risk to the child during contact (MOU 2.2.4, 2.2.5).</summary>
public enum RiskLevel { Unspecified = 0, None = 1, Potential = 2, Actual = 3 }
