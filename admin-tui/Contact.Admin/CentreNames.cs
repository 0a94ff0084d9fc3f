using Contact.Client;
using Contact.V1;

namespace Contact.Admin;

/// <summary>
/// A centre asked for by the name the operator knows (or part of it: organisation, town, postcode
/// also match), found on the register by the server's text search. "centres/…" is taken as it is.
/// </summary>
public static class CentreNames
{
    /// <summary>The one centre <paramref name="typed"/> names, or why it names none.</summary>
    public static async Task<(string? Name, string? Problem)> ResolveAsync(ContactClient client, string typed)
    {
        typed = typed.Trim();
        if (typed.Length == 0 || typed.StartsWith("centres/", StringComparison.Ordinal)) return (typed, null);
        var found = await client.Register.ListCentresAsync(new ListCentresRequest { Text = typed, PageSize = 5 });
        var exact = found.Centres.Where(c => string.Equals(c.DisplayName, typed, StringComparison.OrdinalIgnoreCase)).ToList();
        if (exact.Count == 1) return (exact[0].Name, null);
        return found.Centres.Count switch
        {
            1 => (found.Centres[0].Name, null),
            0 => (null, "matches no centre on the register"),
            _ => (null, $"matches {found.TotalSize} centres ({string.Join("; ", found.Centres.Take(3).Select(c => c.DisplayName))}…): type more of the name"),
        };
    }
}
