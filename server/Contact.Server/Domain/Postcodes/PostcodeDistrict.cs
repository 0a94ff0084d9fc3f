using System.Buffers.Binary;
using Contact.Server.Domain.Geo;

namespace Contact.Server.Domain.Postcodes;

/// <summary>One postcode district's postcodes: sorted inward codes beside their locations.</summary>
public sealed class PostcodeDistrict
{
    // The inward letters, in order; an inward code "9AA" packs as digit * 400 + letter * 20 + letter,
    // which sorts as the text does.
    private const string InwardLetters = "ABDEFGHJLNPQRSTUWXYZ";
    private const double MicroDegrees = 1_000_000.0;
    private const int EncodedEntrySize = 10;
    private const int InwardCodes = 10 * 20 * 20;

    private readonly ushort[] _inward;
    private readonly int[] _latitude;
    private readonly int[] _longitude;

    private PostcodeDistrict(string outward, ushort[] inward, int[] latitude, int[] longitude)
    {
        Outward = outward;
        _inward = inward;
        _latitude = latitude;
        _longitude = longitude;
    }

    /// <summary>The outward code, e.g. "LS1".</summary>
    public string Outward { get; }

    /// <summary>Postcodes held in the district.</summary>
    public int Count => _inward.Length;

    /// <summary>The mean of its postcodes' locations: where a postcode missing from the table is placed.</summary>
    public GeoPoint Centroid()
    {
        double lat = 0, lon = 0;
        for (var i = 0; i < _inward.Length; i++) { lat += _latitude[i]; lon += _longitude[i]; }
        return new GeoPoint(lat / _inward.Length / MicroDegrees, lon / _inward.Length / MicroDegrees);
    }

    /// <summary>The location of the postcode with this inward code ("4AP"), if held.</summary>
    public bool TryFind(ReadOnlySpan<char> inward, out GeoPoint point)
    {
        point = default;
        if (!TryPackInward(inward, out var code)) return false;
        var at = Array.BinarySearch(_inward, code);
        if (at < 0) return false;
        point = new GeoPoint(_latitude[at] / MicroDegrees, _longitude[at] / MicroDegrees);
        return true;
    }

    /// <summary>One postcode of a district as held: its packed inward code and location in micro-degrees.</summary>
    public readonly record struct Entry(ushort Inward, int Latitude, int Longitude)
    {
        /// <summary>Packs a postcode and its location (12 bytes, against some 60 for the postcode's text and point).</summary>
        public static Entry Of(Postcode postcode, GeoPoint point) =>
            TryPackInward(postcode.Inward, out var code)
                ? new Entry(code, ToMicro(point.Latitude), ToMicro(point.Longitude))
                : throw new ArgumentException($"{postcode} has no inward code.", nameof(postcode));
    }

    /// <summary>As <see cref="Merge(string, PostcodeDistrict?, IReadOnlyList{Entry})"/>, from postcodes that must all be in <paramref name="outward"/>.</summary>
    public static PostcodeDistrict Merge(string outward, PostcodeDistrict? existing, IReadOnlyList<(Postcode Postcode, GeoPoint Point)> incoming)
    {
        var entries = new List<Entry>(incoming.Count);
        foreach (var (postcode, point) in incoming)
        {
            if (postcode.Outward != outward) throw new ArgumentException($"{postcode} is not a postcode in district {outward}.", nameof(incoming));
            entries.Add(Entry.Of(postcode, point));
        }
        return Merge(outward, existing, entries);
    }

    /// <summary>
    /// This district with <paramref name="incoming"/> merged in: a postcode already held takes the
    /// incoming location (a later entry of the same import wins over an earlier one).
    /// </summary>
    public static PostcodeDistrict Merge(string outward, PostcodeDistrict? existing, IReadOnlyList<Entry> incoming)
    {
        // The inward codes are a space of 4,000, so a slot per code sorts and de-duplicates at once.
        var present = new bool[InwardCodes];
        var lat = new int[InwardCodes];
        var lon = new int[InwardCodes];
        if (existing is not null)
            for (var i = 0; i < existing._inward.Length; i++)
                (present[existing._inward[i]], lat[existing._inward[i]], lon[existing._inward[i]]) = (true, existing._latitude[i], existing._longitude[i]);
        foreach (var entry in incoming) (present[entry.Inward], lat[entry.Inward], lon[entry.Inward]) = (true, entry.Latitude, entry.Longitude);
        var count = 0;
        foreach (var p in present) if (p) count++;
        var inward = new ushort[count];
        var latitude = new int[count];
        var longitude = new int[count];
        for (int code = 0, i = 0; code < InwardCodes; code++)
        {
            if (!present[code]) continue;
            (inward[i], latitude[i], longitude[i]) = ((ushort)code, lat[code], lon[code]);
            i++;
        }
        return new PostcodeDistrict(outward, inward, latitude, longitude);
    }

    /// <summary>The district as bytes for storage: 10 bytes a postcode, little-endian.</summary>
    public byte[] Encode()
    {
        var bytes = new byte[_inward.Length * EncodedEntrySize];
        var span = bytes.AsSpan();
        for (var i = 0; i < _inward.Length; i++, span = span[EncodedEntrySize..])
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span, _inward[i]);
            BinaryPrimitives.WriteInt32LittleEndian(span[2..], _latitude[i]);
            BinaryPrimitives.WriteInt32LittleEndian(span[6..], _longitude[i]);
        }
        return bytes;
    }

    /// <summary>Reads what <see cref="Encode"/> wrote; refuses bytes that are not such a block.</summary>
    public static PostcodeDistrict Decode(string outward, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % EncodedEntrySize != 0) throw new FormatException($"Postcode district {outward}: {bytes.Length} bytes is not a whole number of entries.");
        var count = bytes.Length / EncodedEntrySize;
        var inward = new ushort[count];
        var latitude = new int[count];
        var longitude = new int[count];
        for (var i = 0; i < count; i++, bytes = bytes[EncodedEntrySize..])
        {
            inward[i] = BinaryPrimitives.ReadUInt16LittleEndian(bytes);
            latitude[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[2..]);
            longitude[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[6..]);
            if ((i > 0 && inward[i] <= inward[i - 1]) || inward[i] >= InwardCodes) throw new FormatException($"Postcode district {outward}: entries are not in order.");
        }
        return new PostcodeDistrict(outward, inward, latitude, longitude);
    }

    private static int ToMicro(double degrees) => (int)Math.Round(degrees * MicroDegrees);

    private static bool TryPackInward(ReadOnlySpan<char> inward, out ushort code)
    {
        code = 0;
        if (inward.Length != 3 || !char.IsAsciiDigit(inward[0])) return false;
        var first = InwardLetters.IndexOf(inward[1]);
        var second = InwardLetters.IndexOf(inward[2]);
        if (first < 0 || second < 0) return false;
        code = (ushort)((inward[0] - '0') * 400 + first * 20 + second);
        return true;
    }
}
