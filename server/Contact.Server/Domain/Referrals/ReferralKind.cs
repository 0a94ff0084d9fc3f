namespace Contact.Server.Domain.Referrals;

// Same numbers as its contact.v1 counterpart (mapped by value).

/// <summary>What a referral is for (policy 1.2).</summary>
public enum ReferralKind { Unspecified = 0, PlannedWork = 1, Signposting = 2, CourtRecommendation = 3 }
