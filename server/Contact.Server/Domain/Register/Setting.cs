namespace Contact.Server.Domain.Register;

// Same numbers as its contact.v1 counterpart (mapped by value; see ContactKind).

/// <summary>Where a service is delivered (policy 1.2).</summary>
public enum Setting { Unspecified = 0, CentreBased = 1, Community = 2 }
