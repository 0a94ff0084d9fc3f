using Contact.Server.Domain.Geo;

namespace Contact.Tests.Domain;

public class GeoGridTests
{
    [Fact]
    public void Nearest_matches_a_brute_force_scan()
    {
        var random = new Random(7);
        var points = Enumerable.Range(0, 5000)
            .Select(i => (Id: i, Point: new GeoPoint(50 + random.NextDouble() * 5, -5 + random.NextDouble() * 6.5)))
            .ToList();
        var grid = GeoGrid<int>.Build(points.Select(p => (p.Id, p.Point)));

        for (var q = 0; q < 50; q++)
        {
            var origin = new GeoPoint(50 + random.NextDouble() * 5, -5 + random.NextDouble() * 6.5);
            var maxKm = 5 + random.NextDouble() * 120;
            bool Even(int id) => id % 2 == 0;
            var expected = points.Where(p => Even(p.Id)).Select(p => (p.Id, D: origin.DistanceKmTo(p.Point)))
                .Where(p => p.D <= maxKm).OrderBy(p => p.D).Take(10).Select(p => p.Id).ToList();
            var actual = grid.Nearest(origin, maxKm, Even, 10).Select(r => r.Item).ToList();
            Assert.Equal(expected, actual);
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
