namespace Contact.Server.Domain.Referrals;

/// <summary>A child named in a referral. Held in plain text only in memory; the store keeps it encrypted.</summary>
public sealed record Child(string GivenNames, string FamilyName, DateOnly BirthDate);
