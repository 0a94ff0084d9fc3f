using Contact.Server.Domain.Geo;

namespace Contact.Tests.Domain;

public class GeoGridTests
{
    [Theory]
    [InlineData(5000, 7)]
    [InlineData(1000, 8)]     // sparse: the k nearest are found rings apart
    [InlineData(60, 9)]       // fewer in range than asked for
    public void Nearest_matches_a_brute_force_scan(int count, int seed)
    {
        var random = new Random(seed);
        var points = Enumerable.Range(0, count)
            .Select(i => (Id: i, Point: new GeoPoint(50 + random.NextDouble() * 5, -5 + random.NextDouble() * 6.5)))
            .ToList();
        var grid = GeoGrid<int>.Build(points.Select(p => (p.Id, p.Point)));

        for (var q = 0; q < 300; q++)
        {
            var origin = new GeoPoint(50 + random.NextDouble() * 5, -5 + random.NextDouble() * 6.5);
            var maxKm = q % 3 == 0 ? 100 + random.NextDouble() * 500 : 5 + random.NextDouble() * 120;
            var limit = q % 2 == 0 ? 10 : 1;
            bool Even(int id) => id % 2 == 0;
            var expected = points.Where(p => Even(p.Id)).Select(p => (p.Id, D: origin.DistanceKmTo(p.Point)))
                .Where(p => p.D <= maxKm).OrderBy(p => p.D).Take(limit).Select(p => p.Id).ToList();
            var actual = grid.Nearest(origin, maxKm, Even, limit).Select(r => r.Item).ToList();
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Without_a_limit_every_accepted_point_in_range_is_found()
    {
        var random = new Random(11);
        var points = Enumerable.Range(0, 3000).Select(i => (Id: i, Point: new GeoPoint(50 + random.NextDouble() * 5, -5 + random.NextDouble() * 6.5))).ToList();
        var grid = GeoGrid<int>.Build(points.Select(p => (p.Id, p.Point)));
        for (var q = 0; q < 40; q++)
        {
            var origin = new GeoPoint(50 + random.NextDouble() * 5, -5 + random.NextDouble() * 6.5);
            var maxKm = 5 + random.NextDouble() * 300;
            var expected = points.Where(p => origin.DistanceKmTo(p.Point) <= maxKm).Select(p => p.Id).Order().ToList();
            Assert.Equal(expected, grid.Nearest(origin, maxKm, _ => true).Select(r => r.Item).Order().ToList());
        }
    }

    [Fact]
    public void Removing_a_point_takes_it_out_of_results()
    {
        var a = new GeoPoint(52.95, -1.15);
        var grid = GeoGrid<string>.Empty.Add("a", a).Add("b", new GeoPoint(52.96, -1.16));
        grid = grid.Remove("a", a);
        Assert.Equal(["b"], grid.Nearest(a, 10, _ => true, 5).Select(r => r.Item));
    }
}
