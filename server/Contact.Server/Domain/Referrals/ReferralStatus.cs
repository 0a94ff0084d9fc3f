namespace Contact.Server.Domain.Referrals;

// Same numbers as its contact.v1 counterpart (mapped by value).

public enum ReferralStatus { Unspecified = 0, Submitted = 1, Accepted = 2, Waitlisted = 3, InProgress = 4, Completed = 5, Declined = 6, Withdrawn = 7, Cancelled = 8 }
