using Contact.Server.Domain.Register;

namespace Contact.Server.Domain.Grants;

public static class GrantNames
{
    public const string RoundPrefix = "grantRounds/";
    public static string Round(string year) => RoundPrefix + year;
    public static string Application(string year, string id) => $"{RoundPrefix}{year}/applications/{id}";

    public static string? RoundId(string? name) =>
        name is not null && name.StartsWith(RoundPrefix, StringComparison.Ordinal) && FinancialYear.Parse(name[RoundPrefix.Length..]) is { } y ? y.ToString() : null;

    public static (string Round, string Id)? ApplicationId(string? name)
    {
        var parts = name?.Split('/');
        if (parts is not { Length: 4 } || parts[0] != "grantRounds" || parts[2] != "applications") return null;
        return FinancialYear.Parse(parts[1]) is { } y && Names.IdOf("x/" + parts[3], "x/") is { } id ? (y.ToString(), id) : null;
    }
}
