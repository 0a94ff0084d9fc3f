namespace Contact.Server.Domain.Referrals;

// Same numbers as its contact.v1 counterpart (mapped by value).

public enum ReferralAction { Unspecified = 0, Submit = 1, Accept = 2, Decline = 3, Waitlist = 4, Start = 5, Complete = 6, Withdraw = 7, Cancel = 8 }
