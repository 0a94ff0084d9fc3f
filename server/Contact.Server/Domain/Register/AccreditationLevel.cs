namespace Contact.Server.Domain.Register;

// Same numbers as its contact.v1 counterpart (mapped by value; see ContactKind).

/// <summary>NACCC accreditation levels: standard (supported) and enhanced (supervised) (MOU 2.1.1).</summary>
public enum AccreditationLevel { Unspecified = 0, Standard = 1, Enhanced = 2 }
