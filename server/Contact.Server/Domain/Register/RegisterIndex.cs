using System.Collections.Immutable;
using Contact.Server.Domain.Geo;

namespace Contact.Server.Domain.Register;

/// <summary>
/// The register held in memory for lookups: centres by id in name order, and a spatial grid for
/// nearest-centre searches. Replaced whole on each change (immutable snapshots), so readers never
/// lock and never see a half-applied change. Only the store's writer thread changes it.
/// Centres published here are never mutated: writers change a clone.
/// </summary>
public sealed class RegisterIndex
{
    private sealed record Snapshot(ImmutableSortedDictionary<string, Centre> Centres, GeoGrid<Centre> Grid)
    {
        // Built on first use by a town search, once per snapshot: most changes are never searched by town.
        public Lazy<TownGazetteer> Towns { get; } = new(() => TownGazetteer.Build(Centres.Values));
    }

    private volatile Snapshot _snapshot = new(ImmutableSortedDictionary.Create<string, Centre>(StringComparer.Ordinal), GeoGrid<Centre>.Empty);

    public int Count => _snapshot.Centres.Count;

    /// <summary>The towns named on the register as it is now, for a search by town.</summary>
    public TownGazetteer Towns => _snapshot.Towns.Value;

    public Centre? Get(string id) => _snapshot.Centres.GetValueOrDefault(id);

    /// <summary>Every centre, in id order.</summary>
    public IEnumerable<Centre> All() => _snapshot.Centres.Values;

    /// <summary>Centres with ids after <paramref name="afterId"/>, in id order.</summary>
    public IEnumerable<Centre> After(string? afterId)
    {
        var all = _snapshot.Centres;
        return afterId is null ? all.Values : all.Values.SkipWhile(c => string.CompareOrdinal(c.Id, afterId) <= 0);
    }

    public void Load(IEnumerable<Centre> centres)
    {
        var map = centres.ToImmutableSortedDictionary(c => c.Id, c => c, StringComparer.Ordinal);
        _snapshot = new Snapshot(map, GeoGrid<Centre>.Build(map.Values.Select(c => (c, Location(c)))));
    }

    public void Upsert(Centre centre)
    {
        var s = _snapshot;
        var grid = s.Grid;
        if (s.Centres.TryGetValue(centre.Id, out var old)) grid = grid.Remove(c => c.Id == old.Id, Location(old));
        _snapshot = new Snapshot(s.Centres.SetItem(centre.Id, centre), grid.Add(centre, Location(centre)));
    }

    /// <summary>
    /// The nearest centres that pass <paramref name="accept"/>, within <paramref name="maxKm"/>;
    /// ordered by distance, or by waiting time then distance.
    /// </summary>
    public IReadOnlyList<(Centre Centre, double DistanceKm)> Nearest(
        GeoPoint origin, double maxKm, int limit, bool byWaitingTime, Func<Centre, bool> accept)
    {
        // Ordering by wait needs every candidate in range; ordering by distance only the nearest.
        var hits = _snapshot.Grid.Nearest(origin, maxKm, accept, byWaitingTime ? null : limit);
        var results = hits.Select(h => (Centre: h.Item, h.DistanceKm));
        if (byWaitingTime)
            results = results.OrderBy(r => r.Centre.WaitingWeeks ?? int.MaxValue).ThenBy(r => r.DistanceKm).Take(limit);
        return results.ToList();
    }

    private static GeoPoint Location(Centre c) => new(c.Latitude, c.Longitude);
}
