namespace Contact.Server.Domain.Register;

// Domain enums carry the same numbers as their contact.v1 counterparts, so the gRPC layer maps
// them by value (EnumPairTests keeps every pair in step); the domain itself knows nothing of the wire contract.

/// <summary>Kinds of contact (policy 1.2; MOU 2.1.1).</summary>
public enum ContactKind { Unspecified = 0, Supported = 1, Supervised = 2, Handover = 3, Indirect = 4 }
