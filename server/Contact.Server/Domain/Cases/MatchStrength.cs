namespace Contact.Server.Domain.Cases;

/// <summary>
/// How strongly a candidate agrees with a query, weakest first, so values compare with &lt; and &gt;.
/// </summary>
public enum MatchStrength
{
    /// <summary>A different child, or too little agreement to be worth a person's time.</summary>
    None,

    /// <summary>
    /// Could be the same child, with exactly one soft disagreement: day and month of birth swapped, one
    /// part of a double-barrelled family name, a forename given only as an initial, one part of a
    /// hyphenated forename, a forename that is the other's middle name — or a variant forename at a
    /// different postcode. Only a person may decide.
    /// </summary>
    Possible,

    /// <summary>
    /// Same date of birth and family name; the first names are variants of each other (Liz/Elizabeth),
    /// or identical but at a different postcode.
    /// </summary>
    Strong,

    /// <summary>Same date of birth, family name and first name, and no conflicting postcode.</summary>
    Exact,
}
