namespace Contact.Server.Domain.Cases;

/// <summary>A child as a referral or a case-index record describes them.</summary>
/// <param name="GivenNames">All given names in order, e.g. "Amy Louise"; the first is the one matched.
/// A hyphenated forename ("Mary-Jane") counts as one name.</param>
/// <param name="FamilyName">The family name, possibly double-barrelled.</param>
/// <param name="DateOfBirth">The date of birth.</param>
/// <param name="Postcode">The child's postcode, when known, in any spacing or case.</param>
public sealed record ChildIdentity(string GivenNames, string FamilyName, DateOnly DateOfBirth, string? Postcode = null);
