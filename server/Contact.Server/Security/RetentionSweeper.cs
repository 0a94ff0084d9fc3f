using Contact.Server.Storage;

namespace Contact.Server.Security;

/// <summary>Purges or anonymises, area by area, what is past its retention date, and audits each batch.</summary>
public sealed class RetentionSweeper(ContactStore store, AuditTrail trail, IEnumerable<IRetentionArea> areas, TimeProvider time)
{
    private const int Batch = 200;

    public sealed record Swept(string Kind, RetentionAction Action, int Count);

    public async Task<IReadOnlyList<Swept>> RunAsync()
    {
        var now = time.GetUtcNow();
        var results = new List<Swept>();
        foreach (var area in areas)
        {
            var total = 0;
            while (true)
            {
                var done = await store.WriteAsync(scope =>
                {
                    var names = area.Expire(scope, now, Batch);
                    if (names.Count == 0) return 0;
                    var audit = CallAudit.System($"retention/{area.Kind}");
                    foreach (var name in names) audit.Touch(name);
                    var verb = area.Action == RetentionAction.Purge ? "purged" : "anonymised";
                    trail.RecordIn(scope, audit, $"{verb} {names.Count} {area.Kind} past their retention date");
                    return names.Count;
                });
                total += done;
                if (done < Batch) break;
            }
            if (total > 0) results.Add(new Swept(area.Kind, area.Action, total));
        }
        return results;
    }
}
