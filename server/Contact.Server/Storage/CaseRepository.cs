using Contact.Server.Domain.Cases;
using Contact.Server.Domain.Common;
using Contact.Server.Domain.Register;
using Contact.Server.Security;
using LiteDB;

namespace Contact.Server.Storage;

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
