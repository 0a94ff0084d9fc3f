using Contact.Server.Domain.Common;
using Contact.Server.Domain.Geo;
using Contact.Server.Domain.Postcodes;

namespace Contact.Server.Storage;

/// <summary>
/// Resolves UK postcodes to points from memory, falling back to the district's centroid: the
/// whole directory is a compact <see cref="PostcodeIndex"/> loaded at start (<see cref="Load"/>) and
/// swapped whole when an import commits, and the district centroids (a few thousand) are held
/// beside it, so no lookup reads the store. The store keeps one document per district (its
/// postcodes packed, 10 bytes each) and one centroid per district.
/// </summary>
public sealed class PostcodeDirectory(ContactStore store, ILogger<PostcodeDirectory> log)
{
    private const int ProgressEvery = 250_000;
    private volatile PostcodeIndex _index = PostcodeIndex.Empty;
    private volatile Dictionary<string, PostcodeEntry> _centroids = new(StringComparer.Ordinal);
    // One writer at a time: each write merges into the index the previous one left.
    private readonly SemaphoreSlim _writing = new(1, 1);

    /// <summary>The directory as loaded now.</summary>
    public PostcodeIndex Index => _index;

    /// <summary>
    /// Reads the directory and the district centroids into memory (at start, before serving). A
    /// store written before the directory was packed by district (one document a postcode) is
    /// converted once, here.
    /// </summary>
    public void Load()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var (index, centroids, legacy) = store.Read(s => (
            PostcodeIndex.From(s.PostcodeBlocks.FindAll().Select(b => PostcodeDistrict.Decode(b.Id, b.Codes))),
            s.PostcodeDistricts.FindAll().ToDictionary(d => d.Id, StringComparer.Ordinal),
            s.LegacyPostcodes.Count()));
        _index = index;
        _centroids = centroids;
        if (legacy > 0) ConvertLegacy();
        _loaded = true;
        log.LogInformation("Postcode directory loaded: {Postcodes} postcodes in {Districts} districts, {Centroids} district centroids, in {Ms} ms.",
            _index.Count, _index.Districts.Count, _centroids.Count, started.ElapsedMilliseconds);
    }

    private volatile bool _loaded;

    /// <summary>Loads the directory at start-up unless the server's start-up check has already loaded it.</summary>
    public void EnsureLoaded()
    {
        if (!_loaded) Load();
    }

    /// <summary>
    /// The point for a postcode or a district. Malformed → INVALID_ARGUMENT on <paramref name="field"/>;
    /// neither the postcode nor its district known → NOT_FOUND.
    /// </summary>
    public (string Normalised, GeoPoint Point, PostcodeResolution How) Resolve(string? text, string field)
    {
        if (Postcode.TryParse(text, out var postcode))
        {
            if (_index.TryFind(postcode, out var point)) return (postcode.Value, point, PostcodeResolution.Postcode);
            var district = District(postcode.Outward) ?? throw UnknownPostcode(postcode.Value, field);
            return (postcode.Value, district, PostcodeResolution.DistrictCentroid);
        }
        if (Postcode.TryParseDistrict(text, out var outward))
        {
            var district = District(outward) ?? throw UnknownPostcode(outward, field);
            return (outward, district, PostcodeResolution.DistrictCentroid);
        }
        throw RuleViolation.Invalid(field, "must be a valid UK postcode, e.g. \"NG1 5HJ\", or a postcode district, e.g. \"NG1\"");
    }

    /// <summary>
    /// Stores postcodes (replacing any already there) and recomputes their districts' centroids, in
    /// one transaction, then swaps the new directory in. Rows stream: only the accepted postcodes,
    /// grouped by district, are held until the write. <paramref name="progress"/> hears the number
    /// of rows read so far, every 250,000.
    /// </summary>
    public async Task<PostcodeImportResult> ImportAsync(IEnumerable<PostcodeCsvRow> rows, Func<WriteScope, string>? auditIn = null, IProgress<long>? progress = null)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = new PostcodeImportResult();
        var byDistrict = new Dictionary<string, List<PostcodeDistrict.Entry>>(StringComparer.Ordinal);
        long read = 0;
        foreach (var row in rows)
        {
            if (++read % ProgressEvery == 0)
            {
                progress?.Report(read);
                log.LogInformation("Postcode import: {Rows} rows read, {Imported} accepted.", read, result.Imported);
            }
            if (!row.Succeeded)
            {
                if (row.IsTerminated) result.Terminated++;
                else { result.Failed++; if (result.Errors.Count < 100) result.Errors.Add($"line {row.LineNumber}: {row.Error}"); }
                continue;
            }
            Group(byDistrict, row.Postcode.Value).Add(PostcodeDistrict.Entry.Of(row.Postcode.Value, row.Location.Value));
            result.Imported++;
        }
        progress?.Report(read);
        result.DistrictsUpdated = await WriteAsync(byDistrict, recomputeCentroids: true, auditIn);
        log.LogInformation("Postcode import: {Imported} postcodes in {Districts} districts stored in {Seconds:0.0} s ({Terminated} terminated, {Failed} refused).",
            result.Imported, result.DistrictsUpdated, started.Elapsed.TotalSeconds, result.Terminated, result.Failed);
        return result;
    }

    /// <summary>Adds postcodes without recomputing centroids (the demo register's centres, whose districts are placed by <see cref="StoreDistrictsAsync"/>).</summary>
    public Task AddAsync(IEnumerable<(Postcode Postcode, GeoPoint Point)> postcodes)
    {
        var byDistrict = new Dictionary<string, List<PostcodeDistrict.Entry>>(StringComparer.Ordinal);
        foreach (var (postcode, point) in postcodes) Group(byDistrict, postcode).Add(PostcodeDistrict.Entry.Of(postcode, point));
        return WriteAsync(byDistrict, recomputeCentroids: false, alongside: null);
    }

    /// <summary>Stores district centroids directly (the demo register's districts).</summary>
    public async Task StoreDistrictsAsync(IEnumerable<PostcodeEntry> districts)
    {
        var list = districts.ToList();
        await _writing.WaitAsync();
        try
        {
            await store.WriteAsync(scope =>
            {
                scope.PostcodeDistricts.Upsert(list);
                scope.OnCommitted(() => PublishCentroids(list));
            });
        }
        finally { _writing.Release(); }
    }

    private static List<PostcodeDistrict.Entry> Group(Dictionary<string, List<PostcodeDistrict.Entry>> byDistrict, Postcode postcode)
    {
        // By span: no outward-code string per row of a 2.7-million-row import.
        var outward = postcode.Value.AsSpan(0, postcode.Value.Length - 4);
        if (!byDistrict.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(outward, out var list)) byDistrict[outward.ToString()] = list = [];
        return list;
    }

    private async Task<int> WriteAsync(Dictionary<string, List<PostcodeDistrict.Entry>> byDistrict, bool recomputeCentroids, Func<WriteScope, string>? alongside)
    {
        await _writing.WaitAsync();
        try
        {
            var current = _index;
            var merged = byDistrict.Select(d => PostcodeDistrict.Merge(d.Key, current.District(d.Key), d.Value)).ToList();
            byDistrict.Clear(); // the merged blocks hold it all now
            var centroids = recomputeCentroids
                ? merged.Select(d => { var c = d.Centroid(); return new PostcodeEntry { Id = d.Outward, Latitude = c.Latitude, Longitude = c.Longitude, Count = d.Count }; }).ToList()
                : [];
            var next = current.With(merged);
            await store.WriteAsync(scope =>
            {
                scope.PostcodeBlocks.Upsert(merged.Select(d => new PostcodeBlock { Id = d.Outward, Codes = d.Encode(), Count = d.Count }));
                if (centroids.Count > 0) scope.PostcodeDistricts.Upsert(centroids);
                alongside?.Invoke(scope);
                scope.OnCommitted(() =>
                {
                    _index = next;
                    PublishCentroids(centroids);
                });
            });
            return centroids.Count;
        }
        finally { _writing.Release(); }
    }

    // The pre-packing layout: one PostcodeEntry per postcode in "postcodes". Packed, then emptied.
    private void ConvertLegacy()
    {
        var byDistrict = new Dictionary<string, List<PostcodeDistrict.Entry>>(StringComparer.Ordinal);
        foreach (var entry in store.Read(s => s.LegacyPostcodes.FindAll().ToList()))
            if (Postcode.TryParse(entry.Id, out var postcode))
                Group(byDistrict, postcode).Add(PostcodeDistrict.Entry.Of(postcode, new GeoPoint(entry.Latitude, entry.Longitude)));
        var count = byDistrict.Values.Sum(l => l.Count);
        WriteAsync(byDistrict, recomputeCentroids: false, scope => { scope.LegacyPostcodes.DeleteAll(); return ""; }).GetAwaiter().GetResult();
        log.LogInformation("Converted {Count} postcodes to the district-packed directory.", count);
    }

    private void PublishCentroids(IReadOnlyCollection<PostcodeEntry> updated)
    {
        if (updated.Count == 0) return;
        var next = new Dictionary<string, PostcodeEntry>(_centroids, StringComparer.Ordinal);
        foreach (var d in updated) next[d.Id] = d;
        _centroids = next;
    }

    private GeoPoint? District(string outward) =>
        _centroids.TryGetValue(outward, out var d) ? new GeoPoint(d.Latitude, d.Longitude) : null;

    private static RuleViolation UnknownPostcode(string postcode, string field) =>
        new(RefusalKind.NotFound, Reasons.UnknownPostcode,
            $"Postcode {postcode} is not in the postcode table, nor is its district: load the ONS Postcode Directory or Code-Point Open (PostcodeService.ImportPostcodes).",
            null, [new FieldProblem(field, "unknown postcode")]);
}
