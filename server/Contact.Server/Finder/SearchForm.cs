using System.Globalization;

namespace Contact.Server.Finder;

/// <summary>What the parent typed, kept as text so the form can be shown again as it was sent.</summary>
public sealed record SearchForm(string Postcode, string Type, string Setting, string Distance, string Latitude, string Longitude)
{
    public static readonly SearchForm Empty = new("", "", "any", FinderWords.DefaultDistanceMiles.ToString(CultureInfo.InvariantCulture), "", "");

    /// <summary>The query string that repeats this search (for links back to the results).</summary>
    public string QueryString()
    {
        var parts = new List<string>();
        void Add(string name, string value) { if (value.Length > 0) parts.Add($"{name}={Uri.EscapeDataString(value)}"); }
        Add("postcode", Postcode); Add("type", Type); Add("setting", Setting); Add("distance", Distance);
        Add("lat", Latitude); Add("lon", Longitude);
        return string.Join("&", parts);
    }
}
