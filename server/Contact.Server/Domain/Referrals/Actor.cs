namespace Contact.Server.Domain.Referrals;

/// <summary>Who acted on a referral, in which role (the numbers of contact.v1.Role).</summary>
public sealed record Actor(string Name, int Role);
