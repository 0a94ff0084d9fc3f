using System.Globalization;
using System.Text;

namespace Contact.Server.Domain.Cases;

/// <summary>
/// Name normalisation, first-name variants and blind-index keys for matching children
/// between NACCC's referrals and the Cafcass case index.
/// </summary>
/// <remarks>
/// Two forms of a name are used:
/// <list type="bullet">
/// <item><see cref="Normalise"/> keeps word boundaries ("Smith-Jones" → "smith jones") so the parts of
/// a double-barrelled name, or a hyphenated forename, can still be seen.</item>
/// <item><see cref="Compact"/> is the normalised form with every space removed ("smithjones"). Names are
/// EQUAL when their compact forms are equal, so "O'Brien" = "OBrien" = "O Brien" and
/// "Smith-Jones" = "Smith Jones" = "SmithJones". Where the boundaries fall is exactly what people
/// and systems record inconsistently, so it is not allowed to separate two records.</item>
/// </list>
/// Nothing here ever decides that two children are the same; <see cref="ChildMatcher"/> does, using
/// date of birth as well, and sends anything doubtful to a person.
/// </remarks>
public static class ChildNames
{
    // Bumped whenever Normalise/Compact change, because every stored blind index must then be rebuilt.
    private const string IndexKeyVersion = "v1";

    // Prefix of variant-group keys; Normalise never emits it, so a group key cannot equal a name.
    private const char GroupKeyPrefix = '~';

    // Apostrophe look-alikes are dropped (joining the letters) before decomposition, because some,
    // like the acute accent U+00B4, would otherwise decompose into a space plus a combining mark.
    private static readonly HashSet<char> Apostrophes =
    [
        '\'', '\u2019', '\u2018', '\u02BC', '\u02BB', '`', '\u00B4', '\u2032', '\uFF07',
    ];

    // Letters that Unicode does not decompose into a base letter plus marks, but that people
    // routinely type without the stroke or ligature (Søren/Soren, Łukasz/Lukasz, Strauß/Strauss).
    private static readonly Dictionary<char, string> Folds = new()
    {
        ['ø'] = "o",
        ['æ'] = "ae",
        ['œ'] = "oe",
        ['ß'] = "ss",
        ['ł'] = "l",
        ['đ'] = "d",
        ['ð'] = "d",
        ['þ'] = "th",
        ['ı'] = "i",
        ['ħ'] = "h",
    };

    // Particles that start many unrelated family names; a shared "de" or "van" says nothing about
    // whether two double-barrelled names belong to the same child.
    private static readonly HashSet<string> FamilyParticles = new(StringComparer.Ordinal)
    {
        "ab", "abu", "al", "ap", "bin", "bint", "da", "das", "de", "del", "della", "der", "des", "di",
        "do", "dos", "du", "el", "ibn", "la", "le", "les", "lo", "mac", "mc", "o", "saint", "st",
        "te", "ten", "ter", "van", "von", "y", "zu",
    };

    /// <summary>
    /// First-name variant groups. Each line is "formal name: its spelling variants and established
    /// English diminutives".
    /// </summary>
    /// <remarks>
    /// Rules, because a variant match (Strong) can produce an automatic answer:
    /// <list type="bullet">
    /// <item>Chosen for children born this century: the names they carry and the short forms families
    /// and professionals use for them. Names now borne mostly by adults (Wilfred, Leonard, Deborah) are not listed.</item>
    /// <item>A group is ONE formal name. Different formal names never share a group even where they share
    /// a diminutive: "Sam" is in both Samuel and Samantha, so Sam ~ Samuel and Sam ~ Samantha, but
    /// Samuel ≁ Samantha. Likewise Alexander/Alexandra, Daniel/Danielle, Francis/Francesca, Charles/Charlotte.</item>
    /// <item>John and Jonathan are different names (Johannes vs Yonatan); "Jon" and "Jonny" are short for
    /// either, so Jon ~ John and Jon ~ Jonathan, but John ≁ Jonathan.</item>
    /// <item>Cross-language cognates are left out (Ian, Sean, Evan for John; Liam for William; Dafydd for
    /// David; Marie for Mary), as are diminutives that are now mostly names in their own right or point
    /// at too many formal names (Jack, Molly, Sally, Megan for Margaret, Ellie outside Eleanor, Lisa).
    /// Erring this way costs an automatic answer ("Jack" does not find "John"); the other way could
    /// name the wrong child.</item>
    /// <item>Accents are not listed (Zoë, Chloé, Ciarán): <see cref="Normalise"/> already removes them.</item>
    /// </list>
    /// </remarks>
    private static readonly string[] VariantTable =
    [
        // Girls' and women's names
        "abigail: abi abbie abby abbey",
        "aisha: ayesha aysha aishah",
        "alexandra: alex alexa lexi lexie sasha sandy",
        "amelia: millie milly",
        "anna: annie",
        "anne: ann annie",
        "catherine: katherine kathryn katharine kathrine catharine cathryn kate katie katy katey kath cath cathy kathy kat kitty",
        "charlotte: charlie charley lottie lotty",
        "danielle: daniella daniela dani",
        "eleanor: elinor eleanore ellie nell",
        "elizabeth: elisabeth eliza liz lizzie lizzy liza beth betty bette betsy bess bessie libby lisbeth elspeth elsie",
        "bethany: beth",
        "emily: emilie em",
        "emma: em",
        "evelyn: evie",
        "fatima: fatimah fatma",
        "florence: flo florrie flossie",
        "francesca: fran frankie cesca",
        "freya: freja freyja",
        "gabriella: gabrielle gabriela gabby gabbie gabi",
        "georgia: georgie",
        "georgina: georgie gina",
        "grace: gracie",
        "hannah: hanna",
        "imogen: imogene immy",
        "isabel: isabelle isabella isobel izabela izabella izzy izzie issy",
        "jennifer: jenny jen jenni jennie",
        "jessica: jess jessie",
        "josephine: jo josie",
        "kayleigh: kaylee kayley kaylie",
        "louise: lou",
        "lucy: lucie",
        "madeleine: madeline madelyn maddie maddy",
        "madison: maddison maddie maddy",
        "margaret: maggie meg peggy madge marge margie",
        "matilda: mathilda tilly tillie tilda",
        "megan: meghan meg",
        "natalie: nathalie nat",
        "nicola: nichola nicky nikki",
        "nicole: nicky nikki",
        "olivia: liv livvy livvie ollie",
        "rebecca: rebekah becky becca bex becki beckie",
        "rose: rosie",
        "samantha: sam sammy sammie sammi",
        "sarah: sara",
        "sophie: sophia sofia sophy",
        "stephanie: stefanie steph stephie steffi",
        "victoria: vicky vicki vickie tori",
        "zoe: zoey",

        // Boys' and men's names
        "aidan: aiden ayden",
        "ahmed: ahmad",
        "alexander: alex alec xander zander lex sandy",
        "alfred: alf alfie fred freddie freddy",
        "andrew: andy drew",
        "anthony: antony tony ant",
        "benjamin: ben benny benji benjy",
        "callum: calum",
        "charles: charlie charley chas chaz",
        "christopher: kristopher chris",
        "connor: conor conner",
        "daniel: dan danny",
        "david: dave davy davey davie",
        "dominic: dominik dom",
        "edward: ed eddie eddy ted teddy ned",
        "elliot: elliott eliot eliott",
        "francis: frank frankie",
        "frederick: frederic fred freddie freddy",
        "gabriel: gabe",
        "george: georgie",
        "henry: harry hal",
        "hussain: hussein husain husein",
        "isaac: isaak izaak",
        "jacob: jakob jake",
        "james: jim jimmy jimmie jamie",
        "john: jon johnny johnnie jonny",
        "jonathan: johnathan jonathon jon jonny jonty",
        "joseph: joe joey",
        "joshua: josh",
        "kieran: kieron ciaran",
        "matthew: mathew matt matty",
        "michael: mike mikey mick mickey micky",
        "mohammed: muhammad mohamed mohammad muhammed mohamad muhamad mohammud mohamud",
        "nathaniel: nathanael nat nate",
        "nicholas: nicolas nick nicky",
        "oliver: olly ollie oli",
        "patrick: pat paddy",
        "peter: pete",
        "philip: phillip phil pip",
        "richard: rich richie rick ricky rickie dick",
        "robert: rob robbie robby bob bobby",
        "samuel: sam sammy sammie",
        "sebastian: seb",
        "stephen: steven stephan stefan steve stevie",
        "theodore: theo ted teddy",
        "thomas: tom tommy tommie",
        "timothy: tim timmy",
        "william: will willie willy bill billy",
        "yusuf: yousuf yousef youssef yusef",
        "zachary: zachery zackary zack zach zak zac",
    ];

    // Compact name → the keys of the variant groups it belongs to.
    private static readonly Dictionary<string, string[]> GroupsByName = BuildGroups();

    /// <summary>How many variant groups the table has (for tests of the table itself).</summary>
    internal static int VariantGroupCount => VariantTable.Length;

    /// <summary>
    /// Unicode-decomposes (NFKD: NFD plus compatibility forms such as ligatures and full-width letters
    /// pasted from other systems), strips combining marks and invisible format characters, folds
    /// undecomposable letters (ø, ł, ß…), lower-cases invariantly, removes apostrophes, turns every other
    /// non-letter/digit (hyphens and dashes, dots, commas, whitespace) into a word break, collapses
    /// whitespace and trims.
    /// </summary>
    /// <example>"Zoë" → "zoe"; "O'Brien" → "obrien"; "Smith-Jones" → "smith jones"; "St. John" → "st john".</example>
    /// <remarks>Idempotent. Compare names with <see cref="Compact"/>, not with this, so that
    /// "O Brien" and "O'Brien", or "smithjones" and "Smith-Jones", are equal.</remarks>
    public static string Normalise(string name)
    {
        ArgumentNullException.ThrowIfNull(name);

        var withoutApostrophes = new StringBuilder(name.Length);
        foreach (var ch in name)
        {
            if (!Apostrophes.Contains(ch))
            {
                withoutApostrophes.Append(ch);
            }
        }

        var decomposed = withoutApostrophes.ToString().Normalize(NormalizationForm.FormKD);
        var result = new StringBuilder(decomposed.Length);
        var pendingBreak = false;
        foreach (var rune in decomposed.EnumerateRunes())
        {
            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.EnclosingMark:
                case UnicodeCategory.Format: // zero-width joiners/spaces, soft hyphens, BOMs
                    continue;
            }

            if (!Rune.IsLetterOrDigit(rune))
            {
                pendingBreak = result.Length > 0;
                continue;
            }

            if (pendingBreak)
            {
                result.Append(' ');
                pendingBreak = false;
            }

            var lower = Rune.ToLowerInvariant(rune);
            if (lower.IsBmp && Folds.TryGetValue((char)lower.Value, out var folded))
            {
                result.Append(folded);
            }
            else
            {
                result.Append(lower.ToString());
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// The normalised name with all word breaks removed: the form in which two names are equal.
    /// "O'Brien", "OBrien" and "O Brien" all give "obrien"; "Smith-Jones", "Smith Jones" and
    /// "smithjones" all give "smithjones".
    /// </summary>
    public static string Compact(string name) => Normalise(name).Replace(" ", string.Empty, StringComparison.Ordinal);

    /// <summary>
    /// The keys a first name belongs to: its own compact form, plus one key per variant group it is in
    /// (group keys start with '~', which no name can). Two different first names are variants of each
    /// other exactly when their key sets share a group key. Empty for a name with no letters or digits.
    /// </summary>
    /// <example>"Liz" → { "liz", "~elizabeth" }; "Jon" → { "jon", "~john", "~jonathan" }; "Amy" → { "amy" }.</example>
    public static IReadOnlySet<string> FirstNameKeys(string firstName)
    {
        var compact = Compact(firstName);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (compact.Length == 0)
        {
            return keys;
        }

        keys.Add(compact);
        if (GroupsByName.TryGetValue(compact, out var groups))
        {
            keys.UnionWith(groups);
        }

        return keys;
    }

    /// <summary>
    /// An exact-match lookup key from the compact family name and the date of birth, e.g.
    /// "v1|smithjones|2015-03-07". Stable under every difference that matching tolerates in a family
    /// name (case, spacing, hyphens, apostrophes, accents). The caller HMACs it before storing, so the
    /// case index can be searched without holding names in clear.
    /// </summary>
    /// <exception cref="ArgumentException">The family name has no letters or digits: such a key would
    /// gather every nameless record born that day.</exception>
    public static string BlindIndexKey(string familyName, DateOnly dateOfBirth)
    {
        var compact = Compact(familyName);
        if (compact.Length == 0)
        {
            throw new ArgumentException("A family name needs at least one letter or digit.", nameof(familyName));
        }

        return Key(compact, dateOfBirth);
    }

    /// <summary>
    /// The keys to store a case-index child under: <see cref="BlindIndexKey"/> first, then one key per
    /// meaningful part of a multi-part family name ("Smith-Jones" is also stored under "smith" and
    /// "jones"), so that a referral giving only one part still finds the record as a Possible match.
    /// </summary>
    public static IReadOnlyList<string> RecordIndexKeys(string familyName, DateOnly dateOfBirth)
    {
        var keys = new List<string> { BlindIndexKey(familyName, dateOfBirth) };
        AddPartKeys(keys, familyName, dateOfBirth);
        return keys;
    }

    /// <summary>
    /// The keys to look a referral up under: its <see cref="RecordIndexKeys"/>, and the same again for
    /// the date with day and month swapped (when that is a different date). Every candidate that
    /// <see cref="ChildMatcher.Compare"/> could rate Possible or better is stored under at least one of
    /// these keys; the matcher, not the index, then decides.
    /// </summary>
    public static IReadOnlyList<string> QueryIndexKeys(string familyName, DateOnly dateOfBirth)
    {
        var keys = new List<string>(RecordIndexKeys(familyName, dateOfBirth));
        if (TryTransposeDayAndMonth(dateOfBirth, out var transposed))
        {
            keys.AddRange(RecordIndexKeys(familyName, transposed));
        }

        return keys.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The parts of a family name that can identify it on their own: the normalised words when there
    /// are two or more, less particles ("de", "van"…) and single letters. Empty for a one-word name.
    /// </summary>
    internal static IReadOnlyList<string> FamilyNameParts(string familyName)
    {
        var words = Normalise(familyName).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            return [];
        }

        return words.Where(w => w.Length > 1 && !FamilyParticles.Contains(w)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The same date with day and month swapped, when that is a different valid date.</summary>
    internal static bool TryTransposeDayAndMonth(DateOnly date, out DateOnly transposed)
    {
        // Month ≤ 12 always fits as a day, so only the day has to be a possible month.
        if (date.Day <= 12 && date.Day != date.Month)
        {
            transposed = new DateOnly(date.Year, date.Day, date.Month);
            return true;
        }

        transposed = default;
        return false;
    }

    /// <summary>True when the two compact first names share a variant group.</summary>
    internal static bool AreVariants(string compactA, string compactB) =>
        GroupsByName.TryGetValue(compactA, out var a)
        && GroupsByName.TryGetValue(compactB, out var b)
        && a.Intersect(b, StringComparer.Ordinal).Any();

    private static void AddPartKeys(List<string> keys, string familyName, DateOnly dateOfBirth)
    {
        foreach (var part in FamilyNameParts(familyName))
        {
            var key = Key(part, dateOfBirth);
            if (!keys.Contains(key, StringComparer.Ordinal))
            {
                keys.Add(key);
            }
        }
    }

    private static string Key(string compactFamilyName, DateOnly dateOfBirth) =>
        string.Create(CultureInfo.InvariantCulture, $"{IndexKeyVersion}|{compactFamilyName}|{dateOfBirth:yyyy-MM-dd}");

    private static Dictionary<string, string[]> BuildGroups()
    {
        var byName = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var groupKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in VariantTable)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var formal = Compact(line[..colon]);
            var groupKey = GroupKeyPrefix + formal;
            if (!groupKeys.Add(groupKey))
            {
                throw new InvalidOperationException($"Variant group '{formal}' is listed twice.");
            }

            var members = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Compact).Prepend(formal);
            foreach (var member in members)
            {
                if (!byName.TryGetValue(member, out var groups))
                {
                    byName[member] = groups = [];
                }

                if (!groups.Contains(groupKey))
                {
                    groups.Add(groupKey);
                }
            }
        }

        return byName.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }
}
