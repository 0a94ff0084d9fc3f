using System.Globalization;

namespace Contact.Server.Domain.Cases;

/// <summary>
/// Answers "is this child known to Cafcass?" by comparing a referral's child with case-index children.
/// </summary>
/// <remarks>
/// The rule that shapes everything here: two different children must never be matched silently. The
/// matcher is tolerant in what it notices (so a person sees the near misses) and strict in what it
/// answers on its own (a single child, Strong or better, with no rival at all).
/// </remarks>
public static class ChildMatcher
{
    private enum DateAgreement
    {
        Different,
        Transposed,
        Same,
    }

    private enum FamilyAgreement
    {
        Different,
        Part,
        Same,
    }

    private enum GivenAgreement
    {
        Different,
        Weak,
        Variant,
        Same,
    }

    /// <summary>
    /// Rates how strongly <paramref name="candidate"/> agrees with <paramref name="query"/>. Symmetric.
    /// </summary>
    /// <remarks>
    /// Three things are compared; any outright difference gives <see cref="MatchStrength.None"/>:
    /// <list type="bullet">
    /// <item>Date of birth: equal, or day and month swapped (a soft disagreement).</item>
    /// <item>Family name: equal as <see cref="ChildNames.Compact"/> forms, or, as a soft disagreement, sharing
    /// a meaningful part when at least one has several parts ("Smith" vs "Smith-Jones", "Jones-Smith" vs
    /// "Smith-Jones", "Brown-Jones" vs "Smith-Jones"; particles such as "de" and "van" do not count).</item>
    /// <item>First given name: equal as compact forms; a variant (Strong at best); or a soft disagreement:
    /// an initial that agrees ("J" vs "James", and "J" vs "J", which carries too little to be Exact), one
    /// part of a hyphenated forename ("Mary" vs "Mary-Jane"), or a first name that is the other's
    /// middle name ("Oliver" vs "James Oliver").</item>
    /// </list>
    /// Then: two or more soft disagreements → None; exactly one → Possible; none → Exact for equal first
    /// names, Strong for variants. Finally, when both postcodes are given and differ, Exact falls to Strong
    /// and Strong to Possible (families move, so this never rules a child out). A missing name on either
    /// side gives None.
    /// </remarks>
    public static MatchStrength Compare(ChildIdentity query, ChildIdentity candidate)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidate);

        var date = CompareDates(query.DateOfBirth, candidate.DateOfBirth);
        var family = CompareFamilyNames(query.FamilyName, candidate.FamilyName);
        var given = CompareGivenNames(GivenNames.Parse(query.GivenNames), GivenNames.Parse(candidate.GivenNames));
        if (date == DateAgreement.Different || family == FamilyAgreement.Different || given == GivenAgreement.Different)
        {
            return MatchStrength.None;
        }

        var softDisagreements = (date == DateAgreement.Transposed ? 1 : 0)
            + (family == FamilyAgreement.Part ? 1 : 0)
            + (given == GivenAgreement.Weak ? 1 : 0);
        if (softDisagreements > 1)
        {
            return MatchStrength.None;
        }

        if (softDisagreements == 1)
        {
            return MatchStrength.Possible;
        }

        var strength = given == GivenAgreement.Same ? MatchStrength.Exact : MatchStrength.Strong;
        if (PostcodesConflict(query.Postcode, candidate.Postcode))
        {
            strength = strength == MatchStrength.Exact ? MatchStrength.Strong : MatchStrength.Possible;
        }

        return strength;
    }

    /// <summary>
    /// Matches <paramref name="query"/> against the case-index <paramref name="candidates"/>.
    /// </summary>
    /// <remarks>
    /// Records that are identical after normalisation (all given names, family name and date of birth)
    /// are one child, unless they carry two or more different postcodes: then nothing tells one
    /// family's child from another's, so each record stays a child of its own. The outcome is
    /// <see cref="MatchKind.Unique"/> only when exactly one child is Strong or Exact and no other child
    /// is even Possible; <see cref="MatchKind.NoMatch"/> when no child is Possible or better; otherwise
    /// <see cref="MatchKind.Ambiguous"/>, for a person to decide. Twins (same family name and date of
    /// birth, different first names) stay apart because each is compared on its own first name.
    /// </remarks>
    public static MatchOutcome Match(ChildIdentity query, IReadOnlyList<ChildIdentity> candidates)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidates);

        var matched = new List<(int Index, MatchStrength Strength)>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i] ?? throw new ArgumentException($"Candidate {i} is null.", nameof(candidates));
            var strength = Compare(query, candidate);
            if (strength > MatchStrength.None)
            {
                matched.Add((i, strength));
            }
        }

        if (matched.Count == 0)
        {
            return new MatchOutcome(MatchKind.NoMatch, [], Invariant($"No match among {candidates.Count} candidate record(s)."));
        }

        var children = GroupIntoChildren(matched, candidates);
        var strong = children.Where(c => c.Strength >= MatchStrength.Strong).ToList();
        var possible = children.Count - strong.Count;

        if (strong.Count == 1 && possible == 0)
        {
            var child = strong[0];
            var records = child.Indexes.Count == 1 ? "one record" : Invariant($"{child.Indexes.Count} records of the same child");
            return new MatchOutcome(MatchKind.Unique, child.Indexes, Invariant($"One child matched ({child.Strength}), {records}; no other candidate came close."));
        }

        var ordered = matched.OrderByDescending(m => m.Strength).ThenBy(m => m.Index).Select(m => m.Index).ToList();
        var why = strong.Count switch
        {
            0 => Invariant($"The best match is only Possible ({possible} child(ren))"),
            1 => Invariant($"One child matched ({strong[0].Strength}) but {possible} other child(ren) could also be the one"),
            _ => Invariant($"{strong.Count} different children matched Strong or better") + (possible > 0 ? Invariant($", and {possible} more Possible") : string.Empty),
        };
        return new MatchOutcome(MatchKind.Ambiguous, ordered, why + "; referred to a person.");
    }

    private static List<(IReadOnlyList<int> Indexes, MatchStrength Strength)> GroupIntoChildren(
        List<(int Index, MatchStrength Strength)> matched, IReadOnlyList<ChildIdentity> candidates)
    {
        var children = new List<(IReadOnlyList<int> Indexes, MatchStrength Strength)>();
        foreach (var sameIdentity in matched.GroupBy(m => IdentityKey(candidates[m.Index]), StringComparer.Ordinal))
        {
            var postcodes = sameIdentity
                .Select(m => NormalisePostcode(candidates[m.Index].Postcode))
                .Where(p => p.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .Count();
            if (postcodes <= 1)
            {
                children.Add((sameIdentity.Select(m => m.Index).Order().ToList(), sameIdentity.Max(m => m.Strength)));
            }
            else
            {
                children.AddRange(sameIdentity.Select(m => ((IReadOnlyList<int>)new[] { m.Index }, m.Strength)));
            }
        }

        return children;
    }

    // Identical after normalisation means the same child, provided postcodes allow it (see Match).
    private static string IdentityKey(ChildIdentity child) =>
        string.Join(' ', GivenNames.Parse(child.GivenNames).All)
        + "|" + ChildNames.Compact(child.FamilyName ?? string.Empty)
        + "|" + child.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateAgreement CompareDates(DateOnly query, DateOnly candidate)
    {
        if (query == candidate)
        {
            return DateAgreement.Same;
        }

        return ChildNames.TryTransposeDayAndMonth(query, out var transposed) && transposed == candidate
            ? DateAgreement.Transposed
            : DateAgreement.Different;
    }

    private static FamilyAgreement CompareFamilyNames(string? query, string? candidate)
    {
        var q = ChildNames.Compact(query ?? string.Empty);
        var c = ChildNames.Compact(candidate ?? string.Empty);
        if (q.Length == 0 || c.Length == 0)
        {
            return FamilyAgreement.Different;
        }

        if (q == c)
        {
            return FamilyAgreement.Same;
        }

        // A one-word name is its own only part; a shared part only counts when one side has several.
        var qParts = ChildNames.FamilyNameParts(query!);
        var cParts = ChildNames.FamilyNameParts(candidate!);
        if (qParts.Count == 0 && cParts.Count == 0)
        {
            return FamilyAgreement.Different;
        }

        IEnumerable<string> qSet = qParts.Count > 0 ? qParts : [q];
        IEnumerable<string> cSet = cParts.Count > 0 ? cParts : [c];
        return qSet.Intersect(cSet, StringComparer.Ordinal).Any() ? FamilyAgreement.Part : FamilyAgreement.Different;
    }

    private static GivenAgreement CompareGivenNames(GivenNames q, GivenNames c)
    {
        if (q.First.Length == 0 || c.First.Length == 0)
        {
            return GivenAgreement.Different;
        }

        // An initial says too little to be more than a lead for a person, even against the same initial.
        if (q.First.Length == 1 || c.First.Length == 1)
        {
            return q.First[0] == c.First[0] ? GivenAgreement.Weak : GivenAgreement.Different;
        }

        if (q.First == c.First)
        {
            return GivenAgreement.Same;
        }

        if (ChildNames.AreVariants(q.First, c.First))
        {
            return GivenAgreement.Variant;
        }

        if (IsPartOfHyphenated(q, c.First) || IsPartOfHyphenated(c, q.First)
            || c.Middle.Contains(q.First) || q.Middle.Contains(c.First))
        {
            return GivenAgreement.Weak;
        }

        return GivenAgreement.Different;
    }

    private static bool IsPartOfHyphenated(GivenNames names, string other) =>
        names.FirstParts.Count > 1
        && names.FirstParts.Any(p => p == other || ChildNames.AreVariants(p, other));

    private static bool PostcodesConflict(string? query, string? candidate)
    {
        var q = NormalisePostcode(query);
        var c = NormalisePostcode(candidate);
        return q.Length > 0 && c.Length > 0 && q != c;
    }

    // Spacing and case vary in how postcodes are typed; nothing else is tolerated.
    private static string NormalisePostcode(string? postcode) =>
        postcode is null
            ? string.Empty
            : new string(postcode.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Given names split into names: whitespace, dots and commas separate names; hyphens do not.</summary>
    private sealed class GivenNames
    {
        private static readonly char[] NameSeparators = [' ', '\t', '\n', '\r', '\u00A0', '.', ',', ';', '/'];

        private GivenNames(IReadOnlyList<string> all, IReadOnlyList<string> firstParts)
        {
            All = all;
            FirstParts = firstParts;
        }

        /// <summary>Every given name in compact form; "Mary-Jane Louise" → ["maryjane", "louise"].</summary>
        public IReadOnlyList<string> All { get; }

        /// <summary>The first name's hyphen-separated parts; "Mary-Jane" → ["mary", "jane"].</summary>
        public IReadOnlyList<string> FirstParts { get; }

        public string First => All.Count > 0 ? All[0] : string.Empty;

        public IEnumerable<string> Middle => All.Skip(1);

        public static GivenNames Parse(string? givenNames)
        {
            var pieces = (givenNames ?? string.Empty)
                .Split(NameSeparators, StringSplitOptions.RemoveEmptyEntries)
                .Select(piece => (Piece: piece, Compact: ChildNames.Compact(piece)))
                .Where(p => p.Compact.Length > 0)
                .ToList();
            if (pieces.Count == 0)
            {
                return new GivenNames([], []);
            }

            var firstParts = ChildNames.Normalise(pieces[0].Piece).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return new GivenNames(pieces.Select(p => p.Compact).ToList(), firstParts);
        }
    }
}
