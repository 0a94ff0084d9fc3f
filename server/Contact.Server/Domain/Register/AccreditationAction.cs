namespace Contact.Server.Domain.Register;

// Same numbers as its contact.v1 counterpart (mapped by value; see ContactKind).

public enum AccreditationAction { Unspecified = 0, Apply = 1, Grant = 2, Renew = 3, Suspend = 4, Reinstate = 5, Lapse = 6, Withdraw = 7 }
