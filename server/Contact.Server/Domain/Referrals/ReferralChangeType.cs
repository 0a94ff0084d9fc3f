namespace Contact.Server.Domain.Referrals;

// Same numbers as its contact.v1 counterpart (mapped by value).

/// <summary>What an entry of the referral change log reports.</summary>
public enum ReferralChangeType { Unspecified = 0, Submitted = 1, Transitioned = 2, Flagged = 3 }
