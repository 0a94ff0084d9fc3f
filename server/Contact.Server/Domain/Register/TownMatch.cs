namespace Contact.Server.Domain.Register;

/// <summary>What a town name matched: one town, several of that name, or none (with near spellings).</summary>
public abstract record TownMatch
{
    public sealed record Found(Town Town) : TownMatch;
    public sealed record Ambiguous(IReadOnlyList<Town> Towns) : TownMatch;
    public sealed record Unknown(IReadOnlyList<Town> Suggestions) : TownMatch;
}
