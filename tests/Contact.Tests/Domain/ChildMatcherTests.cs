using Contact.Server.Domain.Cases;
using Xunit;

namespace Contact.Tests.Domain;

public class ChildMatcherTests
{
    private static readonly DateOnly Dob = new(2016, 3, 7);

    private static ChildIdentity Child(string given, string family, DateOnly? dob = null, string? postcode = null) =>
        new(given, family, dob ?? Dob, postcode);

    // ---- ChildNames.Normalise / Compact ----

    [Theory]
    [InlineData("Zoë", "zoe")]
    [InlineData("ZOË", "zoe")]
    [InlineData("Zoe\u0308", "zoe")] // e + combining diaeresis
    [InlineData("  ZOE  ", "zoe")]
    [InlineData("José", "jose")]
    [InlineData("Renée", "renee")]
    [InlineData("Ciarán", "ciaran")]
    [InlineData("Søren", "soren")]
    [InlineData("Łukasz", "lukasz")]
    [InlineData("Strauß", "strauss")]
    [InlineData("Ægir", "aegir")]
    [InlineData("İlker", "ilker")]
    [InlineData("O'Brien", "obrien")]
    [InlineData("O’Brien", "obrien")]
    [InlineData("O\u02BCBrien", "obrien")]
    [InlineData("O´Brien", "obrien")]
    [InlineData("Smith-Jones", "smith jones")]
    [InlineData("Smith – Jones", "smith jones")]
    [InlineData("Smith\u2011Jones", "smith jones")]
    [InlineData("St. John", "st john")]
    [InlineData("Anne\u00A0\t Marie", "anne marie")]
    [InlineData("Am\u200By", "amy")] // zero-width space pasted from another system
    [InlineData("Ａｍｙ", "amy")] // full-width letters
    [InlineData("-Amy-", "amy")]
    [InlineData("", "")]
    [InlineData("  '-. ", "")]
    public void Normalise_folds_case_accents_punctuation_and_spacing(string input, string expected) =>
        Assert.Equal(expected, ChildNames.Normalise(input));

    [Theory]
    [InlineData("Zoë Smith-Jones")]
    [InlineData("O'Brien")]
    [InlineData("Łukasz Strauß")]
    public void Normalise_is_idempotent(string input)
    {
        var once = ChildNames.Normalise(input);
        Assert.Equal(once, ChildNames.Normalise(once));
    }

    [Theory]
    [InlineData("O'Brien", "OBrien")]
    [InlineData("O'Brien", "O Brien")]
    [InlineData("O’BRIEN", "o brien")]
    [InlineData("Smith-Jones", "Smith Jones")]
    [InlineData("Smith-Jones", "smithjones")]
    [InlineData("SMITH–JONES", "Smith  Jones")]
    [InlineData("De La Cruz", "Delacruz")]
    [InlineData("Nuñez", "NUNEZ")]
    public void Compact_forms_of_tolerated_spellings_are_equal(string a, string b) =>
        Assert.Equal(ChildNames.Compact(a), ChildNames.Compact(b));

    // ---- ChildNames.FirstNameKeys ----

    [Fact]
    public void FirstNameKeys_holds_the_name_itself_and_its_groups()
    {
        var keys = ChildNames.FirstNameKeys("Liz");
        Assert.Contains("liz", keys);
        Assert.Contains("~elizabeth", keys);
        Assert.Equal(["amy"], ChildNames.FirstNameKeys(" AMY "));
        Assert.Empty(ChildNames.FirstNameKeys("-"));
    }

    [Theory]
    [InlineData("Liz", "Elizabeth")]
    [InlineData("Beth", "Elizabeth")]
    [InlineData("Eliza", "Elisabeth")]
    [InlineData("Bill", "William")]
    [InlineData("Will", "Billy")]
    [InlineData("Alex", "Alexander")]
    [InlineData("Alex", "Alexandra")]
    [InlineData("Sam", "Samuel")]
    [InlineData("Sam", "Samantha")]
    [InlineData("Kate", "Catherine")]
    [InlineData("Katie", "Kathryn")]
    [InlineData("Katherine", "Catherine")]
    [InlineData("Mohammed", "Muhammad")]
    [InlineData("Mohamed", "Mohammad")]
    [InlineData("Stephen", "Steven")]
    [InlineData("Jon", "John")]
    [InlineData("Jon", "Jonathan")]
    [InlineData("Zoë", "Zoey")]
    public void Variants_share_a_group_key(string a, string b) =>
        Assert.True(SharesGroup(a, b), $"{a} and {b} should be variants");

    [Theory]
    [InlineData("John", "Jonathan")] // different names that merely share "Jon"
    [InlineData("Samuel", "Samantha")]
    [InlineData("Alexander", "Alexandra")]
    [InlineData("Daniel", "Danielle")]
    [InlineData("Oliver", "Olivia")]
    [InlineData("Charles", "Charlotte")]
    [InlineData("Elizabeth", "Bethany")]
    [InlineData("Amy", "Beth")]
    [InlineData("Jack", "John")] // deliberately not grouped: Jack is a name in its own right
    [InlineData("Liam", "William")] // cross-language forms are left to a person
    public void Distinct_names_share_no_group_key(string a, string b) =>
        Assert.False(SharesGroup(a, b), $"{a} and {b} should not be variants");

    [Fact]
    public void Variant_table_is_a_careful_size() =>
        Assert.InRange(ChildNames.VariantGroupCount, 60, 100);

    private static bool SharesGroup(string a, string b) =>
        ChildNames.FirstNameKeys(a).Intersect(ChildNames.FirstNameKeys(b)).Any(k => k.StartsWith('~'));

    // ---- ChildNames.BlindIndexKey and index keys ----

    [Theory]
    [InlineData("O'Brien")]
    [InlineData("OBrien")]
    [InlineData("o brien")]
    [InlineData("O’BRIEN")]
    [InlineData(" Ó'Brién ")]
    public void BlindIndexKey_is_stable_under_tolerated_differences(string family) =>
        Assert.Equal(ChildNames.BlindIndexKey("O'Brien", Dob), ChildNames.BlindIndexKey(family, Dob));

    [Fact]
    public void BlindIndexKey_is_stable_for_double_barrelled_spellings()
    {
        var key = ChildNames.BlindIndexKey("Smith-Jones", Dob);
        Assert.Equal(key, ChildNames.BlindIndexKey("Smith Jones", Dob));
        Assert.Equal(key, ChildNames.BlindIndexKey("SMITHJONES", Dob));
        Assert.Equal(key, ChildNames.BlindIndexKey("smith – jones", Dob));
    }

    [Fact]
    public void BlindIndexKey_has_a_fixed_format_and_separates_names_and_dates()
    {
        Assert.Equal("v1|obrien|2016-03-07", ChildNames.BlindIndexKey("O'Brien", Dob));
        Assert.NotEqual(ChildNames.BlindIndexKey("Smith", Dob), ChildNames.BlindIndexKey("Smyth", Dob));
        Assert.NotEqual(ChildNames.BlindIndexKey("Smith", Dob), ChildNames.BlindIndexKey("Smith", Dob.AddDays(1)));
        Assert.Throws<ArgumentException>(() => ChildNames.BlindIndexKey(" - ", Dob));
    }

    [Fact]
    public void Record_keys_include_double_barrelled_parts_but_not_particles()
    {
        var keys = ChildNames.RecordIndexKeys("de Souza-Smith", Dob);
        Assert.Equal(
            ["v1|desouzasmith|2016-03-07", "v1|souza|2016-03-07", "v1|smith|2016-03-07"],
            keys);
        Assert.Equal(["v1|smith|2016-03-07"], ChildNames.RecordIndexKeys("Smith", Dob));
    }

    [Fact]
    public void Query_keys_add_the_transposed_date()
    {
        var keys = ChildNames.QueryIndexKeys("Smith", new DateOnly(2016, 3, 7));
        Assert.Equal(["v1|smith|2016-03-07", "v1|smith|2016-07-03"], keys);
        Assert.Single(ChildNames.QueryIndexKeys("Smith", new DateOnly(2016, 3, 3)));
        Assert.Single(ChildNames.QueryIndexKeys("Smith", new DateOnly(2016, 3, 13)));
    }

    public static TheoryData<ChildIdentity, ChildIdentity> FindablePairs => new()
    {
        { Child("Amy", "O'Brien"), Child("AMY", "o brien") },
        { Child("Liz", "Smith"), Child("Elizabeth", "Smith") },
        { Child("Amy", "Smith"), Child("Amy", "Smith-Jones") },
        { Child("Amy", "Smith-Jones"), Child("Amy", "Jones") },
        { Child("Amy", "Jones-Smith"), Child("Amy", "Smith-Jones") },
        { Child("Amy", "Smith", new DateOnly(2016, 3, 7)), Child("Amy", "Smith", new DateOnly(2016, 7, 3)) },
        { Child("A", "Smith"), Child("Amy", "Smith") },
    };

    [Theory]
    [MemberData(nameof(FindablePairs))]
    public void Every_candidate_the_matcher_would_flag_is_found_through_the_index(ChildIdentity query, ChildIdentity record)
    {
        Assert.True(ChildMatcher.Compare(query, record) > MatchStrength.None);
        var recordKeys = ChildNames.RecordIndexKeys(record.FamilyName, record.DateOfBirth);
        Assert.NotEmpty(ChildNames.QueryIndexKeys(query.FamilyName, query.DateOfBirth).Intersect(recordKeys));
    }

    // ---- ChildMatcher.Compare ----

    [Theory]
    [InlineData("Zoë", "Smith", "ZOE", "SMITH")]
    [InlineData("zoe", "smith", "  Zoë ", "  Smith ")]
    [InlineData("Amy Louise", "O'Brien", "amy", "O Brien")]
    [InlineData("Amy", "Smith-Jones", "AMY", "smith jones")]
    [InlineData("Mary-Jane", "Smith", "MARY JANE", "Smith-Jones", MatchStrength.None)] // hyphen part and family part: two soft differences
    [InlineData("Mary-Jane", "Smith", "Mary Jane", "Smith", MatchStrength.Possible)] // "Mary Jane" may be Mary, middle name Jane
    [InlineData("Mary-Jane", "Smith", "maryjane", "Smith")]
    public void Tolerated_differences_still_match(string qGiven, string qFamily, string cGiven, string cFamily, MatchStrength expected = MatchStrength.Exact) =>
        Assert.Equal(expected, ChildMatcher.Compare(Child(qGiven, qFamily), Child(cGiven, cFamily)));

    [Theory]
    [InlineData("Liz", "Elizabeth")]
    [InlineData("Bill", "William")]
    [InlineData("Kate", "Katherine")]
    [InlineData("Mohamed", "Muhammad")]
    [InlineData("Stephen", "Steven")]
    [InlineData("Jon", "John")]
    public void Variant_first_names_are_Strong(string a, string b) =>
        Assert.Equal(MatchStrength.Strong, ChildMatcher.Compare(Child(a, "Smith"), Child(b, "Smith")));

    [Theory]
    [InlineData("J", "James")] // initial
    [InlineData("J.", "J")] // two initials carry too little to be Exact
    [InlineData("Mary", "Mary-Jane")] // one part of a hyphenated forename
    [InlineData("Oliver", "James Oliver")] // known by a middle name
    public void Weak_first_name_agreement_is_Possible(string a, string b)
    {
        Assert.Equal(MatchStrength.Possible, ChildMatcher.Compare(Child(a, "Smith"), Child(b, "Smith")));
        Assert.Equal(MatchStrength.Possible, ChildMatcher.Compare(Child(b, "Smith"), Child(a, "Smith")));
    }

    [Theory]
    [InlineData("Smith", "Smith-Jones")]
    [InlineData("Smith-Jones", "Jones")]
    [InlineData("Jones-Smith", "Smith-Jones")]
    public void Part_of_a_double_barrelled_family_name_is_only_Possible(string a, string b) =>
        Assert.Equal(MatchStrength.Possible, ChildMatcher.Compare(Child("Amy", a), Child("Amy", b)));

    [Fact]
    public void Shared_particles_do_not_link_family_names() =>
        Assert.Equal(MatchStrength.None, ChildMatcher.Compare(Child("Amy", "de Souza"), Child("Amy", "de Silva")));

    [Fact]
    public void Transposed_day_and_month_is_at_most_Possible()
    {
        var query = Child("Amy", "Smith", new DateOnly(2016, 3, 7));
        Assert.Equal(MatchStrength.Possible, ChildMatcher.Compare(query, Child("Amy", "Smith", new DateOnly(2016, 7, 3))));
        Assert.Equal(MatchStrength.Possible, ChildMatcher.Compare(Child("Liz", "Smith", new DateOnly(2016, 3, 7)), Child("Elizabeth", "Smith", new DateOnly(2016, 7, 3))));
    }

    [Fact]
    public void Two_soft_disagreements_are_None()
    {
        var swapped = new DateOnly(2016, 7, 3);
        Assert.Equal(MatchStrength.None, ChildMatcher.Compare(Child("Amy", "Smith"), Child("Amy", "Smith-Jones", swapped)));
        Assert.Equal(MatchStrength.None, ChildMatcher.Compare(Child("A", "Smith"), Child("Amy", "Smith", swapped)));
        Assert.Equal(MatchStrength.None, ChildMatcher.Compare(Child("A", "Smith"), Child("Amy", "Smith-Jones")));
    }

    [Fact]
    public void Differing_postcodes_downgrade_by_one_step()
    {
        Assert.Equal(MatchStrength.Strong, ChildMatcher.Compare(Child("Amy", "Smith", postcode: "SW1A 1AA"), Child("Amy", "Smith", postcode: "M1 1AE")));
        Assert.Equal(MatchStrength.Possible, ChildMatcher.Compare(Child("Liz", "Smith", postcode: "SW1A 1AA"), Child("Elizabeth", "Smith", postcode: "M1 1AE")));
    }

    [Fact]
    public void Missing_or_differently_typed_postcodes_do_not_downgrade()
    {
        Assert.Equal(MatchStrength.Exact, ChildMatcher.Compare(Child("Amy", "Smith", postcode: "SW1A 1AA"), Child("Amy", "Smith")));
        Assert.Equal(MatchStrength.Exact, ChildMatcher.Compare(Child("Amy", "Smith"), Child("Amy", "Smith", postcode: "SW1A 1AA")));
        Assert.Equal(MatchStrength.Exact, ChildMatcher.Compare(Child("Amy", "Smith", postcode: "sw1a1aa"), Child("Amy", "Smith", postcode: " SW1A 1AA ")));
        Assert.Equal(MatchStrength.Exact, ChildMatcher.Compare(Child("Amy", "Smith", postcode: "  "), Child("Amy", "Smith", postcode: "M1 1AE")));
    }

    [Theory]
    [InlineData("Amy", "Smith", "Beth", "Smith")] // twins' names
    [InlineData("John", "Smith", "Jonathan", "Smith")]
    [InlineData("Samuel", "Smith", "Samantha", "Smith")]
    [InlineData("Oliver", "Smith", "Olivia", "Smith")]
    [InlineData("Amy", "Smith", "Amy", "Smyth")]
    [InlineData("Amy", "Smith", "Amy", "Jones")]
    [InlineData("Amy", "Smith-Jones", "Amy", "Brown")]
    [InlineData("J", "Smith", "Amy", "Smith")]
    [InlineData("Amy", "", "Amy", "")]
    [InlineData("", "Smith", "", "Smith")]
    public void Unrelated_names_never_match(string qGiven, string qFamily, string cGiven, string cFamily)
    {
        Assert.Equal(MatchStrength.None, ChildMatcher.Compare(Child(qGiven, qFamily), Child(cGiven, cFamily)));
        Assert.Equal(MatchStrength.None, ChildMatcher.Compare(Child(cGiven, cFamily), Child(qGiven, qFamily)));
    }

    [Fact]
    public void A_different_date_of_birth_never_matches()
    {
        Assert.Equal(MatchStrength.None, ChildMatcher.Compare(Child("Amy", "Smith"), Child("Amy", "Smith", Dob.AddDays(1))));
        Assert.Equal(MatchStrength.None, ChildMatcher.Compare(Child("Amy", "Smith"), Child("Amy", "Smith", Dob.AddYears(1))));
        Assert.Equal(MatchStrength.None, ChildMatcher.Compare(Child("Amy", "Smith"), Child("Amy", "Smith", new DateOnly(2017, 7, 3))));
    }

    [Fact]
    public void Compare_is_symmetric()
    {
        ChildIdentity[] children =
        [
            Child("Amy", "Smith"), Child("AMY", "smith", postcode: "M1 1AE"), Child("Beth", "Smith"),
            Child("Elizabeth", "Smith", postcode: "SW1A 1AA"), Child("Liz", "Smith-Jones"),
            Child("A", "Smith"), Child("Mary-Jane", "Smith"), Child("Mary", "Smith"),
            Child("Amy", "Smith", new DateOnly(2016, 7, 3)), Child("James Oliver", "Smith"), Child("Oliver", "Smith"),
        ];
        foreach (var a in children)
        {
            foreach (var b in children)
            {
                Assert.Equal(ChildMatcher.Compare(a, b), ChildMatcher.Compare(b, a));
            }
        }
    }

    // ---- ChildMatcher.Match ----

    [Fact]
    public void No_candidates_is_NoMatch()
    {
        var outcome = ChildMatcher.Match(Child("Amy", "Smith"), []);
        Assert.Equal(MatchKind.NoMatch, outcome.Kind);
        Assert.Empty(outcome.CandidateIndexes);
    }

    [Fact]
    public void Only_unrelated_candidates_is_NoMatch()
    {
        var outcome = ChildMatcher.Match(Child("Amy", "Smith"), [Child("Beth", "Smith"), Child("Amy", "Jones"), Child("Amy", "Smith", Dob.AddDays(2))]);
        Assert.Equal(MatchKind.NoMatch, outcome.Kind);
        Assert.Empty(outcome.CandidateIndexes);
    }

    [Fact]
    public void Accents_and_case_give_a_unique_match()
    {
        var outcome = ChildMatcher.Match(Child("Zoë", "O'Brien"), [Child("Amy", "Jones"), Child("ZOE", "OBRIEN")]);
        Assert.Equal(MatchKind.Unique, outcome.Kind);
        Assert.Equal([1], outcome.CandidateIndexes);
    }

    [Fact]
    public void A_variant_first_name_is_a_Strong_unique_match()
    {
        var query = Child("Liz", "Smith");
        var candidates = new[] { Child("Elizabeth", "Smith"), Child("Liz", "Smith", Dob.AddYears(2)) };
        Assert.Equal(MatchStrength.Strong, ChildMatcher.Compare(query, candidates[0]));
        var outcome = ChildMatcher.Match(query, candidates);
        Assert.Equal(MatchKind.Unique, outcome.Kind);
        Assert.Equal([0], outcome.CandidateIndexes);
    }

    [Fact]
    public void Twins_are_never_confused()
    {
        ChildIdentity amy = Child("Amy", "Smith"), beth = Child("Beth", "Smith");

        var forAmy = ChildMatcher.Match(Child("AMY", "smith"), [beth, amy]);
        Assert.Equal(MatchKind.Unique, forAmy.Kind);
        Assert.Equal([1], forAmy.CandidateIndexes);

        var forBeth = ChildMatcher.Match(Child("Beth", "Smith"), [beth, amy]);
        Assert.Equal(MatchKind.Unique, forBeth.Kind);
        Assert.Equal([0], forBeth.CandidateIndexes);
    }

    [Fact]
    public void Twins_sharing_a_diminutive_go_to_a_person()
    {
        var outcome = ChildMatcher.Match(Child("Sam", "Smith"), [Child("Samuel", "Smith"), Child("Samantha", "Smith")]);
        Assert.Equal(MatchKind.Ambiguous, outcome.Kind);
        Assert.Equal([0, 1], outcome.CandidateIndexes);

        // The full name still tells them apart.
        var samuel = ChildMatcher.Match(Child("Samuel", "Smith"), [Child("Samuel", "Smith"), Child("Samantha", "Smith")]);
        Assert.Equal(MatchKind.Unique, samuel.Kind);
        Assert.Equal([0], samuel.CandidateIndexes);
    }

    [Fact]
    public void Same_name_and_date_in_different_families_is_Ambiguous()
    {
        ChildIdentity[] candidates = [Child("Amy", "Smith", postcode: "SW1A 1AA"), Child("Amy", "Smith", postcode: "M1 1AE")];

        var withoutPostcode = ChildMatcher.Match(Child("Amy", "Smith"), candidates);
        Assert.Equal(MatchKind.Ambiguous, withoutPostcode.Kind);
        Assert.Equal([0, 1], withoutPostcode.CandidateIndexes);

        // Even a matching postcode does not pick one silently: the other child is still Strong.
        var withPostcode = ChildMatcher.Match(Child("Amy", "Smith", postcode: "M1 1AE"), candidates);
        Assert.Equal(MatchKind.Ambiguous, withPostcode.Kind);
        Assert.Equal([1, 0], withPostcode.CandidateIndexes);
    }

    [Fact]
    public void Duplicate_records_of_one_child_are_one_child()
    {
        ChildIdentity[] candidates =
        [
            Child("Amy Louise", "O'Brien", postcode: "SW1A 1AA"),
            Child("Beth", "O'Brien"),
            Child("AMY LOUISE", "O Brien"),
            Child("amy louise", "OBRIEN", postcode: "sw1a1aa"),
        ];
        var outcome = ChildMatcher.Match(Child("Amy", "O’Brien"), candidates);
        Assert.Equal(MatchKind.Unique, outcome.Kind);
        Assert.Equal([0, 2, 3], outcome.CandidateIndexes);
    }

    [Fact]
    public void Duplicates_with_conflicting_postcodes_are_not_merged()
    {
        ChildIdentity[] candidates = [Child("Amy", "Smith", postcode: "SW1A 1AA"), Child("Amy", "Smith"), Child("Amy", "Smith", postcode: "M1 1AE")];
        var outcome = ChildMatcher.Match(Child("Amy", "Smith"), candidates);
        Assert.Equal(MatchKind.Ambiguous, outcome.Kind);
        Assert.Equal([0, 1, 2], outcome.CandidateIndexes);
    }

    [Fact]
    public void A_transposed_date_goes_to_a_person()
    {
        var outcome = ChildMatcher.Match(Child("Amy", "Smith", new DateOnly(2016, 3, 7)), [Child("Amy", "Smith", new DateOnly(2016, 7, 3))]);
        Assert.Equal(MatchKind.Ambiguous, outcome.Kind);
        Assert.Equal([0], outcome.CandidateIndexes);
        Assert.Contains("only Possible", outcome.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exact_match_with_a_possible_rival_goes_to_a_person()
    {
        // Amy Smith, and a record that could be the same child under her other family name.
        var outcome = ChildMatcher.Match(Child("Amy", "Smith"), [Child("Amy", "Smith-Jones"), Child("Amy", "Smith")]);
        Assert.Equal(MatchKind.Ambiguous, outcome.Kind);
        Assert.Equal([1, 0], outcome.CandidateIndexes);
    }

    [Fact]
    public void A_postcode_downgrade_alone_still_answers_uniquely()
    {
        var outcome = ChildMatcher.Match(Child("Amy", "Smith", postcode: "SW1A 1AA"), [Child("Amy", "Smith", postcode: "M1 1AE")]);
        Assert.Equal(MatchKind.Unique, outcome.Kind);
        Assert.Equal([0], outcome.CandidateIndexes);
        Assert.Contains("Strong", outcome.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Explanations_hold_no_personal_data()
    {
        ChildIdentity[] candidates = [Child("Amy", "Smith", postcode: "SW1A 1AA"), Child("Amy", "Smith", postcode: "M1 1AE")];
        foreach (var outcome in new[]
        {
            ChildMatcher.Match(Child("Amy", "Smith"), candidates),
            ChildMatcher.Match(Child("Amy", "Smith", postcode: "SW1A 1AA"), candidates[..1]),
            ChildMatcher.Match(Child("Amy", "Smith"), []),
        })
        {
            Assert.DoesNotContain("Amy", outcome.Explanation, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Smith", outcome.Explanation, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SW1A", outcome.Explanation, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("2016", outcome.Explanation, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => ChildMatcher.Match(null!, []));
        Assert.Throws<ArgumentNullException>(() => ChildMatcher.Match(Child("Amy", "Smith"), null!));
        Assert.Throws<ArgumentNullException>(() => ChildMatcher.Compare(Child("Amy", "Smith"), null!));
        Assert.Throws<ArgumentNullException>(() => ChildNames.Normalise(null!));
    }
}
