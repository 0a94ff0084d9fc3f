namespace Contact.Server.Domain.Cases;

/// <summary>A party to a case. Held encrypted at rest.</summary>
public sealed record CaseParty(string FullName, string Role);
