using Contact.Server.Security;
using LiteDB;

namespace Contact.Server.Storage;

/// <summary>The audit trail's entries and its seal as stored; <see cref="AuditTrail"/> chains and checks them.</summary>
public sealed class AuditRepository(ContactStore store)
{
    // The keyed seal of the newest entry, kept beside the entries (see AuditTrail).
    private const string HeadSetting = "audit.head";

    /// <summary>The newest entry, read inside the write that appends the next one.</summary>
    public static AuditRecord? Last(WriteScope scope) =>
        scope.Audit.Query().OrderByDescending(a => a.Sequence).Limit(1).FirstOrDefault();

    /// <summary>Appends an entry and moves the seal to it, in the caller's write.</summary>
    public static void Append(WriteScope scope, AuditRecord record, string seal)
    {
        scope.Audit.Insert(record);
        scope.Settings.Upsert(new StoreSetting { Id = HeadSetting, Value = seal });
    }

    /// <summary>Every entry in sequence order with the seal, read in one consistent view.</summary>
    public T Walk<T>(Func<IEnumerable<AuditRecord>, string?, T> walk) => store.Read(s => Walk(s, walk));

    /// <summary>The same walk in a given read scope (a stopped store opened read-only by StoreCheck).</summary>
    public static T Walk<T>(ReadScope scope, Func<IEnumerable<AuditRecord>, string?, T> walk) =>
        walk(scope.Audit.Query().OrderBy(x => x.Sequence).ToEnumerable(), scope.Settings.FindById(HeadSetting)?.Value);

    /// <summary>
    /// Entries newest first, before <paramref name="beforeSequence"/>, matching every filter given;
    /// at most <paramref name="limit"/>.
    /// </summary>
    public List<AuditRecord> Find(AuditFilter filter, long beforeSequence, int limit) =>
        store.Read(s =>
        {
            var query = s.Audit.Query().Where(a => a.Sequence < beforeSequence);
            if (filter.Principal.Length > 0) query = query.Where(a => a.Principal == filter.Principal);
            if (filter.CaseNumber.Length > 0) query = query.Where("$.Cases[*] ANY = @0", new BsonValue(filter.CaseNumber));
            if (filter.Resource.Length > 0) query = query.Where("$.Resources[*] ANY = @0", new BsonValue(filter.Resource));
            if (filter.From is { } from) query = query.Where(a => a.Time >= from);
            if (filter.To is { } to) query = query.Where(a => a.Time < to);
            return query.OrderByDescending(a => a.Sequence).Limit(limit).ToList();
        });
}
