using System.Collections.Concurrent;
using Contact.Server.Domain.Common;
using Contact.Server.Domain.Geo;
using Contact.Server.Domain.Postcodes;

namespace Contact.Server.Storage;

/// <summary>How a postcode was resolved.</summary>
public enum PostcodeResolution { Postcode, DistrictCentroid }

/// <summary>
/// Resolves UK postcodes to points from the postcode table, falling back to the district's
/// centroid. Districts (a few thousand) are cached in memory; full postcodes are read from the
/// store by key.
/// </summary>
public sealed class PostcodeDirectory(ContactStore store)
{
    private const int ImportBatch = 5_000;
    private readonly ConcurrentDictionary<string, PostcodeEntry?> _districts = new();

    /// <summary>
    /// The point for a postcode or a district. Malformed → INVALID_ARGUMENT on <paramref name="field"/>;
    /// neither the postcode nor its district known → NOT_FOUND.
    /// </summary>
    public (string Normalised, GeoPoint Point, PostcodeResolution How) Resolve(string? text, string field)
    {
        if (Postcode.TryParse(text, out var postcode))
        {
            var entry = store.Read(s => s.Postcodes.FindById(postcode.ToString()));
            if (entry is not null) return (postcode.ToString(), new GeoPoint(entry.Latitude, entry.Longitude), PostcodeResolution.Postcode);
            var district = District(postcode.Outward) ?? throw UnknownPostcode(postcode.ToString(), field);
            return (postcode.ToString(), new GeoPoint(district.Latitude, district.Longitude), PostcodeResolution.DistrictCentroid);
        }
        if (Postcode.TryParseDistrict(text, out var outward))
        {
            var district = District(outward) ?? throw UnknownPostcode(outward, field);
            return (outward, new GeoPoint(district.Latitude, district.Longitude), PostcodeResolution.DistrictCentroid);
        }
        throw RuleViolation.Invalid(field, "must be a valid UK postcode, e.g. \"NG1 5HJ\", or a postcode district, e.g. \"NG1\"");
    }

    /// <summary>Stores postcodes (replacing any already there) and recomputes their districts' centroids.</summary>
    public async Task<PostcodeImportResult> ImportAsync(IEnumerable<PostcodeCsvRow> rows, Func<WriteScope, string>? auditIn = null)
    {
        var result = new PostcodeImportResult();
        var touched = new HashSet<string>();
        var batch = new List<PostcodeEntry>(ImportBatch);
        foreach (var row in rows)
        {
            if (!row.Succeeded)
            {
                if (row.IsTerminated) result.Terminated++;
                else { result.Failed++; if (result.Errors.Count < 100) result.Errors.Add($"line {row.LineNumber}: {row.Error}"); }
                continue;
            }
            var code = row.Postcode!.Value;
            batch.Add(new PostcodeEntry { Id = code.ToString(), Latitude = row.Location!.Value.Latitude, Longitude = row.Location.Value.Longitude });
            touched.Add(code.Outward);
            if (batch.Count == ImportBatch) { await StoreBatch(batch); result.Imported += batch.Count; batch = new(ImportBatch); }
        }
        if (batch.Count > 0) { await StoreBatch(batch); result.Imported += batch.Count; }
        result.DistrictsUpdated = await RecomputeDistricts(touched, auditIn);
        return result;
    }

    /// <summary>Stores district centroids directly (the demo register's districts).</summary>
    public Task StoreDistrictsAsync(IEnumerable<PostcodeEntry> districts) => store.WriteAsync(scope =>
    {
        var list = districts.ToList();
        scope.PostcodeDistricts.Upsert(list);
        scope.OnCommitted(() => { foreach (var d in list) _districts[d.Id] = d; });
    });

    private Task StoreBatch(List<PostcodeEntry> batch) => store.WriteAsync(scope => { scope.Postcodes.Upsert(batch); });

    private Task<int> RecomputeDistricts(HashSet<string> districts, Func<WriteScope, string>? auditIn) => store.WriteAsync(scope =>
    {
        var updated = new List<PostcodeEntry>();
        foreach (var district in districts)
        {
            // Postcode ids sort by district then inward code, so a district is one key range.
            var members = scope.Postcodes.Find(p => p.Id.StartsWith(district + " ")).ToList();
            if (members.Count == 0) continue;
            updated.Add(new PostcodeEntry
            {
                Id = district,
                Latitude = members.Average(m => m.Latitude),
                Longitude = members.Average(m => m.Longitude),
                Count = members.Count,
            });
        }
        scope.PostcodeDistricts.Upsert(updated);
        auditIn?.Invoke(scope);
        scope.OnCommitted(() => { foreach (var d in updated) _districts[d.Id] = d; });
        return updated.Count;
    });

    private PostcodeEntry? District(string outward) =>
        _districts.GetOrAdd(outward, key => store.Read(s => s.PostcodeDistricts.FindById(key)));

    private static RuleViolation UnknownPostcode(string postcode, string field) =>
        new(RefusalKind.NotFound, Reasons.UnknownPostcode,
            $"Postcode {postcode} is not in the postcode table, nor is its district: load the ONS Postcode Directory or Code-Point Open (PostcodeService.ImportPostcodes).",
            null, [new FieldProblem(field, "unknown postcode")]);
}

public sealed class PostcodeImportResult
{
    public long Imported { get; set; }
    public long Terminated { get; set; }
    public long Failed { get; set; }
    public int DistrictsUpdated { get; set; }
    public List<string> Errors { get; } = [];
}
