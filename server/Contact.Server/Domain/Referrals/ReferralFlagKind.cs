namespace Contact.Server.Domain.Referrals;

// Same numbers as its contact.v1 counterpart (mapped by value).

public enum ReferralFlagKind { Unspecified = 0, CentreLostAccreditation = 1 }
