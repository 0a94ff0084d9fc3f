namespace Contact.Server.Domain.Cases;

/// <summary>The kind of answer a query gets.</summary>
public enum MatchKind
{
    /// <summary>No candidate reached Possible.</summary>
    NoMatch,

    /// <summary>Exactly one child reached Strong or better and no other child reached Possible.</summary>
    Unique,

    /// <summary>Anything else that matched: the answer goes to a person, never out automatically.</summary>
    Ambiguous,
}
