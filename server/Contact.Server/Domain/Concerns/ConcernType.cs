namespace Contact.Server.Domain.Concerns;

// Same numbers as contact.v1.ConcernType.

/// <summary>What a concern is about (policy 1.6, 1.7; MOU 2.1.4, 2.4.3).</summary>
public enum ConcernType { Unspecified = 0, UnaccreditedOrganisation = 1, StandardsCompliance = 2, Quality = 3 }
