using Contact.Server.Domain.Geo;

namespace Contact.Server.Domain.Postcodes;

/// <summary>
/// The whole postcode directory in memory, compactly: one <see cref="PostcodeDistrict"/> per
/// outward code, each holding its inward codes sorted (2 bytes each) beside their locations in
/// micro-degrees (4 + 4 bytes). Ten bytes a postcode, so the 1.8 million live postcodes of the ONS
/// Postcode Directory take about 18 MB and resolving one is a dictionary probe and a binary search
/// of a few hundred entries, with no store read.
/// </summary>
/// <remarks>
/// Immutable: an import builds a new index (<see cref="With"/>) and swaps it in whole, so readers
/// never see a half-applied import and need no lock.
/// </remarks>
public sealed class PostcodeIndex
{
    private readonly Dictionary<string, PostcodeDistrict> _districts;
    private readonly Dictionary<string, PostcodeDistrict>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    /// <summary>An index with no postcodes.</summary>
    public static PostcodeIndex Empty { get; } = new(new Dictionary<string, PostcodeDistrict>(StringComparer.Ordinal));

    private PostcodeIndex(Dictionary<string, PostcodeDistrict> districts)
    {
        _districts = districts;
        _bySpan = districts.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var district in districts.Values) Count += district.Count;
    }

    /// <summary>Postcodes held.</summary>
    public long Count { get; }

    /// <summary>The districts, each with its postcodes.</summary>
    public IReadOnlyCollection<PostcodeDistrict> Districts => _districts.Values;

    /// <summary>Builds an index from whole districts.</summary>
    public static PostcodeIndex From(IEnumerable<PostcodeDistrict> districts) => Empty.With(districts);

    /// <summary>The district's block, if any postcode in it is held.</summary>
    public PostcodeDistrict? District(string outward) => _districts.GetValueOrDefault(outward);

    /// <summary>The postcode's own location, if it is held.</summary>
    public bool TryFind(Postcode postcode, out GeoPoint point)
    {
        var value = postcode.Value.AsSpan();
        point = default;
        return value.Length >= 5
            && _bySpan.TryGetValue(value[..^4], out var district)
            && district.TryFind(value[^3..], out point);
    }

    /// <summary>A new index with these districts replacing any of the same outward code.</summary>
    public PostcodeIndex With(IEnumerable<PostcodeDistrict> replacements)
    {
        var districts = new Dictionary<string, PostcodeDistrict>(_districts, StringComparer.Ordinal);
        foreach (var district in replacements) districts[district.Outward] = district;
        return new PostcodeIndex(districts);
    }
}
