using Json = System.Text.Json.JsonSerializer;
using Contact.Server.Domain.Cases;
using Contact.Server.Domain.Common;
using Contact.Server.Domain.Register;
using Contact.Server.Security;
using LiteDB;

namespace Contact.Server.Storage;

/// <summary>
/// A case as stored: the few fields needed to find it in clear (case number, allocated FCA, keyed
/// blind indexes of its children), and the whole case, children and parties included, sealed with
/// AES-GCM (<see cref="FieldProtector"/>). A child's name, date of birth or address never reaches
/// the file in clear.
/// </summary>
public sealed class CaseDocument : IRetainable
{
    public string Id { get; set; } = "";
    public string CaseNumber { get; set; } = "";
    public string? FcaId { get; set; }
    public List<string> BlindKeys { get; set; } = [];
    public string Sealed { get; set; } = "";
    /// <summary>
    /// Set while the case is closed, from its closing date; an open case (or one reopened) has none:
    /// the case system decides when a case is live, and a live case is never purged.
    /// </summary>
    public DateTimeOffset? RetainUntil { get; set; }
}

/// <summary>Seals values as encrypted JSON, and derives blind-index keys.</summary>
public sealed class Sealer(FieldProtector protector)
{
    public string Seal<T>(T value) => protector.Protect(Json.Serialize(value));
    public T Open<T>(string sealedValue) => Json.Deserialize<T>(protector.Unprotect(sealedValue))!;

    /// <summary>The keyed blind indexes a case-index child is stored under.</summary>
    public IEnumerable<string> RecordKeys(CaseChild child) =>
        ChildNames.RecordIndexKeys(child.FamilyName, child.DateOfBirth).Select(protector.BlindIndex);

    /// <summary>The keyed blind indexes to look a child up under (tolerant of a swapped day and month).</summary>
    public IEnumerable<string> QueryKeys(ChildIdentity child) =>
        ChildNames.QueryIndexKeys(child.FamilyName, child.DateOfBirth).Select(protector.BlindIndex);
}

/// <summary>Keeps the case index (created, updated and closed by the case system).</summary>
public sealed class CaseRepository(ContactStore store, Sealer sealer, AuditTrail trail, TimeProvider time, RetentionSchedule retention)
{
    public const string CollectionName = "cases";
    public const string RetentionKind = "cases";

    public static ILiteCollection<CaseDocument> Cases(Collections scope) => scope.Collection<CaseDocument>(CollectionName);

    internal static void EnsureIndexes(Collections scope)
    {
        var cases = Cases(scope);
        cases.EnsureIndex(x => x.CaseNumber, unique: true);
        cases.EnsureIndex(x => x.FcaId);
        cases.EnsureIndex("$.BlindKeys[*]");
    }

    public CaseRecord? Get(string id) => store.Read(s => Load(s, id));

    public CaseRecord? Load(Collections scope, string id) =>
        Cases(scope).FindById(id) is { } doc ? sealer.Open<CaseRecord>(doc.Sealed) : null;

    /// <summary>The cases any of whose children share a blind-index key with one of <paramref name="children"/>.</summary>
    public List<CaseRecord> Candidates(Collections scope, IEnumerable<ChildIdentity> children)
    {
        var ids = new HashSet<string>();
        var found = new List<CaseRecord>();
        foreach (var key in children.SelectMany(sealer.QueryKeys).Distinct())
            foreach (var doc in Cases(scope).Query().Where("$.BlindKeys[*] ANY = @0", new BsonValue(key)).ToEnumerable())
                if (ids.Add(doc.Id)) found.Add(sealer.Open<CaseRecord>(doc.Sealed));
        return found;
    }

    public Task<CaseRecord> CreateAsync(CaseRecord c, CallAudit audit) =>
        store.WriteAsync(scope =>
        {
            if (Cases(scope).Exists(x => x.CaseNumber == c.CaseNumber))
                throw new RuleViolation(RefusalKind.AlreadyExists, Reasons.AlreadyExists, $"Case number {c.CaseNumber} is already in the index.", null, [new("case.case_number", "is already in the index")]);
            c.Id = Names.NewId();
            c.Created = c.Updated = time.GetUtcNow();
            c.Version = 1;
            Cases(scope).Insert(ToDocument(c));
            trail.RecordIn(scope, audit.Touch(c.ResourceName).Case(c.CaseNumber));
            return c;
        });

    /// <summary>Changes a stored case on the writer thread; with <paramref name="etag"/>, refuses a stale write.</summary>
    public Task<CaseRecord> UpdateAsync(string id, string? etag, Action<CaseRecord> change, CallAudit audit) =>
        store.WriteAsync(scope =>
        {
            var c = Load(scope, id) ?? throw RuleViolation.NotFound(CaseNames.Case(id));
            if (!string.IsNullOrEmpty(etag) && etag != c.Etag)
                throw RuleViolation.StaleEtag(c.ResourceName, etag, c.Etag);
            change(c);
            c.Version++;
            c.Updated = time.GetUtcNow();
            Cases(scope).Update(ToDocument(c));
            trail.RecordIn(scope, audit.Touch(c.ResourceName).Case(c.CaseNumber));
            return c;
        });

    /// <summary>Creates or replaces cases by case number, all in one transaction.</summary>
    public Task<(List<CaseRecord> Cases, int Created)> UpsertAsync(IReadOnlyList<CaseRecord> rows, CallAudit audit) =>
        store.WriteAsync(scope =>
        {
            var now = time.GetUtcNow();
            var stored = new List<CaseRecord>(rows.Count);
            var created = 0;
            foreach (var row in rows)
            {
                var existing = Cases(scope).FindOne(x => x.CaseNumber == row.CaseNumber);
                if (existing is null)
                {
                    row.Id = Names.NewId();
                    row.Created = row.Updated = now;
                    row.Version = 1;
                    Cases(scope).Insert(ToDocument(row));
                    created++;
                }
                else
                {
                    var old = sealer.Open<CaseRecord>(existing.Sealed);
                    row.Id = old.Id;
                    row.Created = old.Created;
                    row.Updated = now;
                    row.Version = old.Version + 1;
                    Cases(scope).Update(ToDocument(row));
                }
                stored.Add(row);
                audit.Touch(row.ResourceName).Case(row.CaseNumber);
            }
            trail.RecordIn(scope, audit, $"{rows.Count} cases");
            return (stored, created);
        });

    private CaseDocument ToDocument(CaseRecord c) => new()
    {
        Id = c.Id,
        CaseNumber = c.CaseNumber,
        FcaId = c.Fca?.FcaId,
        BlindKeys = c.Children.SelectMany(sealer.RecordKeys).Distinct().ToList(),
        Sealed = sealer.Seal(c),
        RetainUntil = c.Status == CaseStatus.Closed && c.Closed is { } closed
            ? retention.RetainUntil(RetentionKind, new DateTimeOffset(closed.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))
            : null,
    };
}
