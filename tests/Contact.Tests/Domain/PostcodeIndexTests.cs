using Contact.Server.Domain.Geo;
using Contact.Server.Domain.Postcodes;

namespace Contact.Tests.Domain;

public class PostcodeIndexTests
{
    private static (Postcode, GeoPoint) At(string postcode, double lat, double lon) => (Postcode.Parse(postcode), new GeoPoint(lat, lon));

    [Fact]
    public void Finds_every_postcode_it_holds_and_none_it_does_not()
    {
        var random = new Random(3);
        const string letters = "ABDEFGHJLNPQRSTUWXYZ";
        var held = new Dictionary<string, GeoPoint>();
        while (held.Count < 3000)
        {
            var outward = $"LS{random.Next(1, 30)}";
            var code = $"{outward} {random.Next(10)}{letters[random.Next(20)]}{letters[random.Next(20)]}";
            held[code] = new GeoPoint(53 + random.NextDouble(), -2 + random.NextDouble());
        }
        var index = PostcodeIndex.From(held.GroupBy(h => Postcode.Parse(h.Key).Outward)
            .Select(g => PostcodeDistrict.Merge(g.Key, null, g.Select(h => (Postcode.Parse(h.Key), h.Value)).ToList())));

        Assert.Equal(held.Count, index.Count);
        foreach (var (code, point) in held)
        {
            Assert.True(index.TryFind(Postcode.Parse(code), out var found), code);
            // Micro-degrees: within 0.11 m.
            Assert.InRange(Math.Abs(found.Latitude - point.Latitude), 0, 5e-7);
            Assert.InRange(Math.Abs(found.Longitude - point.Longitude), 0, 5e-7);
        }
        for (var i = 0; i < 2000; i++)
        {
            var code = $"LS{random.Next(1, 40)} {random.Next(10)}{letters[random.Next(20)]}{letters[random.Next(20)]}";
            Assert.Equal(held.ContainsKey(code), index.TryFind(Postcode.Parse(code), out _));
        }
    }

    [Fact]
    public void A_merge_replaces_what_it_names_keeps_the_rest_and_leaves_the_old_index_as_it_was()
    {
        var before = PostcodeIndex.From([PostcodeDistrict.Merge("LS1", null, [At("LS1 4AP", 53.79, -1.54), At("LS1 1AA", 53.80, -1.55)])]);
        var district = PostcodeDistrict.Merge("LS1", before.District("LS1"), [At("LS1 4AP", 53.70, -1.50), At("LS1 9ZZ", 53.81, -1.56)]);
        var after = before.With([district]);

        Assert.Equal(3, after.Count);
        Assert.True(after.TryFind(Postcode.Parse("LS1 4AP"), out var moved));
        Assert.Equal(53.70, moved.Latitude, 6);
        Assert.True(after.TryFind(Postcode.Parse("LS1 1AA"), out _));
        // Readers of the old index see it whole: an import swaps, it does not edit.
        Assert.Equal(2, before.Count);
        Assert.True(before.TryFind(Postcode.Parse("LS1 4AP"), out var unmoved));
        Assert.Equal(53.79, unmoved.Latitude, 6);
        Assert.False(before.TryFind(Postcode.Parse("LS1 9ZZ"), out _));
    }

    [Fact]
    public void Encoding_is_ten_bytes_a_postcode_and_reads_back_the_same()
    {
        var district = PostcodeDistrict.Merge("GIR", null, [At("GIR 0AA", 51.5, -0.1)]);
        var ec = PostcodeDistrict.Merge("EC1A", null, [At("EC1A 1BB", 51.52, -0.098), At("EC1A 9ZZ", -51.52, 179.999999), At("EC1A 0AA", 51.51, -0.097)]);
        var encoded = ec.Encode();
        Assert.Equal(30, encoded.Length);
        var back = PostcodeIndex.From([PostcodeDistrict.Decode("EC1A", encoded), PostcodeDistrict.Decode("GIR", district.Encode())]);
        Assert.True(back.TryFind(Postcode.Parse("EC1A 9ZZ"), out var far));
        Assert.Equal(new GeoPoint(-51.52, 179.999999), far);
        Assert.True(back.TryFind(Postcode.Parse("GIR 0AA"), out _));
        Assert.Throws<FormatException>(() => PostcodeDistrict.Decode("EC1A", encoded.AsSpan(1)));
        Assert.Throws<FormatException>(() => PostcodeDistrict.Decode("EC1A", [.. encoded[10..20], .. encoded[..10]]));
    }

    [Fact]
    public void The_centroid_is_the_mean_of_the_district_and_a_postcode_from_elsewhere_is_refused()
    {
        var district = PostcodeDistrict.Merge("M1", null, [At("M1 1AE", 53.0, -2.0), At("M1 2AB", 54.0, -3.0)]);
        Assert.Equal(new GeoPoint(53.5, -2.5), district.Centroid());
        Assert.Throws<ArgumentException>(() => PostcodeDistrict.Merge("M1", null, [At("M11 1AE", 53.0, -2.0)]));
    }
}
