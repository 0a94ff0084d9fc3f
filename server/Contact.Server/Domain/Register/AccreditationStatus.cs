namespace Contact.Server.Domain.Register;

// Same numbers as its contact.v1 counterpart (mapped by value; see ContactKind).

public enum AccreditationStatus { Unspecified = 0, NotAccredited = 1, Candidate = 2, Accredited = 3, Suspended = 4, Lapsed = 5, Withdrawn = 6 }
