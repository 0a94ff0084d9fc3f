using System.Text;
using Contact.Server.Domain.Geo;

namespace Contact.Server.Domain.Register;

/// <summary>
/// The towns named on the register, for a search by town where a person knows no postcode. No
/// national gazetteer ships with the product: every town with a centre on the register is known,
/// placed at the mean of its centres' points, and a town without one is not (the person is asked
/// for a postcode instead). One name in two regions is two towns, told apart as "Name, Region".
/// Built from one register snapshot and never changed.
/// </summary>
public sealed class TownGazetteer
{
    /// <summary>How many near spellings an unknown name is offered.</summary>
    public const int MaxSuggestions = 3;

    private readonly Dictionary<string, Town[]> _byKey;

    private TownGazetteer(Dictionary<string, Town[]> byKey) => _byKey = byKey;

    public static readonly TownGazetteer Empty = new([]);

    public int Count => _byKey.Values.Sum(t => t.Length);

    public static TownGazetteer Build(IEnumerable<Centre> centres)
    {
        var towns = centres
            .Where(c => c.Town.Trim().Length > 0 && GeoPoint.IsValid(c.Latitude, c.Longitude) && (c.Latitude, c.Longitude) != (0, 0))
            .GroupBy(c => (Key: Key(c.Town), Region: Key(c.Region)))
            .Select(g =>
            {
                // The spelling most of its centres use, so one odd entry does not rename a town.
                var name = g.GroupBy(c => c.Town.Trim()).OrderByDescending(n => n.Count()).ThenBy(n => n.Key, StringComparer.Ordinal).First().Key;
                var region = g.GroupBy(c => c.Region.Trim()).OrderByDescending(n => n.Count()).ThenBy(n => n.Key, StringComparer.Ordinal).First().Key;
                return (g.Key.Key, Town: new Town(name, region, new GeoPoint(g.Average(c => c.Latitude), g.Average(c => c.Longitude)), g.Count()));
            });
        var byKey = towns.GroupBy(t => t.Key)
            .ToDictionary(g => g.Key, g => g.Select(t => t.Town).OrderBy(t => t.Region, StringComparer.Ordinal).ToArray());
        return new TownGazetteer(byKey);
    }

    /// <summary>
    /// The town a person typed: a name ("Leeds"), or a name and its region ("Newport, Wales") where
    /// one name is used in two regions. Case, punctuation and "Saint"/"St" do not matter.
    /// </summary>
    public TownMatch Find(string text)
    {
        var comma = text.LastIndexOf(',');
        var name = Key(comma < 0 ? text : text[..comma]);
        var region = comma < 0 ? "" : Key(text[(comma + 1)..]);
        if (name.Length == 0) return new TownMatch.Unknown([]);
        if (!_byKey.TryGetValue(name, out var towns)) return new TownMatch.Unknown(Suggest(name));
        var inRegion = region.Length == 0 ? towns : towns.Where(t => Key(t.Region) == region).ToArray();
        return inRegion.Length switch
        {
            1 => new TownMatch.Found(inRegion[0]),
            0 => new TownMatch.Unknown(towns),
            _ => new TownMatch.Ambiguous(inRegion),
        };
    }

    /// <summary>Towns whose names are a slip of the keyboard away, or begin with what was typed.</summary>
    private Town[] Suggest(string name)
    {
        var allowed = Math.Max(1, name.Length / 4);
        return _byKey
            .Select(pair => (pair.Value, Distance: pair.Key.StartsWith(name, StringComparison.Ordinal) && name.Length >= 3 ? 0 : EditDistance(name, pair.Key, allowed)))
            .Where(p => p.Distance <= allowed)
            .OrderBy(p => p.Distance).ThenBy(p => p.Value[0].Name, StringComparer.Ordinal)
            .SelectMany(p => p.Value)
            .Take(MaxSuggestions)
            .ToArray();
    }

    /// <summary>A name as it is compared: lower case letters and digits, one space between words, "st" for "saint".</summary>
    public static string Key(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var ch in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(ch)) b.Append(ch);
            else if (ch == '&') b.Append(" and ");
            else if (ch is '\'' or '’' or '.') continue;
            else b.Append(' ');
        }
        var words = b.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w == "saint" ? "st" : w);
        return string.Join(' ', words);
    }

    /// <summary>Levenshtein distance, stopping early once it must exceed <paramref name="limit"/>.</summary>
    private static int EditDistance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin > limit) return limit + 1;
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
