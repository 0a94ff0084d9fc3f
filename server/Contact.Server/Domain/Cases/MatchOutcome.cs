namespace Contact.Server.Domain.Cases;

/// <summary>The result of <see cref="ChildMatcher.Match"/>.</summary>
/// <param name="Kind">The kind of answer.</param>
/// <param name="CandidateIndexes">For <see cref="MatchKind.Unique"/>, every record of the one child
/// (several when the index holds duplicates), ascending. For <see cref="MatchKind.Ambiguous"/>, every
/// candidate that reached Possible or better, strongest first, then by index. Empty for
/// <see cref="MatchKind.NoMatch"/>.</param>
/// <param name="Explanation">Why, for the audit trail and the person reviewing it. Holds no names,
/// dates or postcodes, so it is safe to log.</param>
public sealed record MatchOutcome(MatchKind Kind, IReadOnlyList<int> CandidateIndexes, string Explanation);
