using System.Collections.Immutable;

namespace Contact.Server.Domain.Geo;

/// <summary>
/// An immutable spatial index: items bucketed into cells of 0.1° latitude by 0.15° longitude
/// (about 11 km by 10 km in Britain). A nearest search walks rings of cells outwards from the
/// origin's cell and stops once no unvisited cell can hold anything nearer than what it has.
/// Candidates are screened with a cheap flat-earth distance (exact enough at these ranges to rank,
/// with a margin) before the filter and the great-circle distance run. Updates return a new grid,
/// so readers need no locks.
/// </summary>
public sealed class GeoGrid<T> where T : notnull
{
    private const double CellLat = 0.1, CellLon = 0.15;
    private const double KmPerDegree = 111.195; // mean Earth radius × π / 180
    // The screen (flat earth at the pair's mean latitude) is within a fraction of a percent of the
    // great-circle distance at these ranges; the margin keeps every true candidate.
    private const double ScreenMargin = 1.02;

    private readonly ImmutableDictionary<long, ImmutableArray<(T Item, GeoPoint Point)>> _cells;

    public static readonly GeoGrid<T> Empty = new(ImmutableDictionary.Create<long, ImmutableArray<(T, GeoPoint)>>(CellKeys.Instance));

    private GeoGrid(ImmutableDictionary<long, ImmutableArray<(T, GeoPoint)>> cells) => _cells = cells;

    public GeoGrid<T> Add(T item, GeoPoint point)
    {
        var key = Key(point);
        var cell = _cells.GetValueOrDefault(key, ImmutableArray<(T, GeoPoint)>.Empty);
        return new GeoGrid<T>(_cells.SetItem(key, cell.Add((item, point))));
    }

    /// <summary>Removes the first item at <paramref name="point"/> that <paramref name="match"/> picks.</summary>
    public GeoGrid<T> Remove(Func<T, bool> match, GeoPoint point)
    {
        var key = Key(point);
        if (!_cells.TryGetValue(key, out var cell)) return this;
        var index = -1;
        for (var i = 0; i < cell.Length && index < 0; i++)
            if (match(cell[i].Item)) index = i;
        if (index < 0) return this;
        var rest = cell.RemoveAt(index);
        return new GeoGrid<T>(rest.IsEmpty ? _cells.Remove(key) : _cells.SetItem(key, rest));
    }

    public GeoGrid<T> Remove(T item, GeoPoint point) => Remove(x => EqualityComparer<T>.Default.Equals(x, item), point);

    /// <summary>Builds a grid from many points at once.</summary>
    public static GeoGrid<T> Build(IEnumerable<(T Item, GeoPoint Point)> entries)
    {
        var builder = new Dictionary<long, ImmutableArray<(T, GeoPoint)>.Builder>();
        foreach (var (item, point) in entries)
        {
            var key = Key(point);
            if (!builder.TryGetValue(key, out var cell)) builder[key] = cell = ImmutableArray.CreateBuilder<(T, GeoPoint)>();
            cell.Add((item, point));
        }
        return new GeoGrid<T>(builder.ToImmutableDictionary(kv => kv.Key, kv => kv.Value.ToImmutable(), CellKeys.Instance));
    }

    /// <summary>
    /// Every item accepted by <paramref name="accept"/> within <paramref name="maxKm"/> of the origin,
    /// nearest first; with a <paramref name="limit"/>, only that many nearest.
    /// </summary>
    public List<(T Item, double DistanceKm)> Nearest(GeoPoint origin, double maxKm, Func<T, bool> accept, int? limit = null)
    {
        int row0 = Row(origin.Latitude), col0 = Col(origin.Longitude);
        double cosLat = Math.Cos(Math.Min(89, Math.Abs(origin.Latitude) + maxKm / KmPerDegree) * Math.PI / 180);
        double cellKm = Math.Min(CellLat * KmPerDegree, CellLon * KmPerDegree * cosLat);
        int maxRing = (int)Math.Ceiling(maxKm / cellKm) + 1;
        double screenKm = maxKm * ScreenMargin;

        // The best so far, by screened distance; with a limit, a bound that tightens as it fills.
        var best = new List<(T Item, GeoPoint Point, double Screen)>(limit is { } wanted ? 4 * wanted : 64);
        double bound = screenKm;
        for (int ring = 0; ring <= maxRing; ring++)
        {
            // Anything in this ring is at least (ring - 1) cells away from the origin.
            double ringMinKm = Math.Max(0, ring - 1) * cellKm;
            if (ringMinKm > bound) break;
            foreach (var key in RingKeys(row0, col0, ring))
            {
                if (!_cells.TryGetValue(key, out var cell)) continue;
                foreach (var (item, point) in cell)
                {
                    double dy = (point.Latitude - origin.Latitude) * KmPerDegree;
                    double dx = (point.Longitude - origin.Longitude) * KmPerDegree * Math.Cos((point.Latitude + origin.Latitude) * (Math.PI / 360));
                    double screen = Math.Sqrt(dx * dx + dy * dy);
                    if (screen > bound || !accept(item)) continue;
                    best.Add((item, point, screen));
                    if (limit is { } k && best.Count >= 4 * k) Tighten(k);   // a dense cell: keep the list short
                }
            }
            // With k found, nothing farther than the k-th nearest (plus the screen's margin) can
            // make the list, so the search stops at the first ring out of reach.
            if (limit is { } found && best.Count >= found) Tighten(found);
        }

        // Keeps the nearest 2k by screen (room for its margin) and bounds the search by the k-th.
        void Tighten(int k)
        {
            best.Sort((a, b) => a.Screen.CompareTo(b.Screen));
            if (best.Count > 2 * k) best.RemoveRange(2 * k, best.Count - 2 * k);
            bound = Math.Min(bound, best[k - 1].Screen * ScreenMargin);
        }

        var nearest = new List<(T Item, double DistanceKm)>(best.Count);
        foreach (var (item, point, _) in best)
        {
            var d = origin.DistanceKmTo(point);
            if (d <= maxKm) nearest.Add((item, d));
        }
        nearest.Sort((a, b) => a.DistanceKm.CompareTo(b.DistanceKm));
        if (limit is { } max && nearest.Count > max) nearest.RemoveRange(max, nearest.Count - max);
        return nearest;
    }

    private static IEnumerable<long> RingKeys(int row0, int col0, int ring)
    {
        if (ring == 0) { yield return Pack(row0, col0); yield break; }
        for (int c = col0 - ring; c <= col0 + ring; c++)
        {
            yield return Pack(row0 - ring, c);
            yield return Pack(row0 + ring, c);
        }
        for (int r = row0 - ring + 1; r <= row0 + ring - 1; r++)
        {
            yield return Pack(r, col0 - ring);
            yield return Pack(r, col0 + ring);
        }
    }

    private static int Row(double lat) => (int)Math.Floor(lat / CellLat);
    private static int Col(double lon) => (int)Math.Floor(lon / CellLon);
    private static long Key(GeoPoint p) => Pack(Row(p.Latitude), Col(p.Longitude));
    private static long Pack(int row, int col) => ((long)row << 32) | (uint)col;

    // long's own hash is row ^ col, so every cell on a diagonal of the neighbourhood a search walks
    // shares one hash bucket; a search probes hundreds of cells, and the collisions showed in its
    // profile. Mixing the halves spreads them.
    private sealed class CellKeys : IEqualityComparer<long>
    {
        public static readonly CellKeys Instance = new();
        public bool Equals(long x, long y) => x == y;
        public int GetHashCode(long key) => (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15)) >> 32);
    }
}
