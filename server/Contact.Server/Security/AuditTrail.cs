using System.Security.Cryptography;
using System.Text;
using Contact.Server.Storage;

namespace Contact.Server.Security;

/// <summary>The append-only, hash-chained audit trail (MOU 2.3.1, 2.3.5).</summary>
public sealed class AuditTrail(ContactStore store, Secrets secrets, TimeProvider time)
{
    private readonly AuditRepository _entries = new(store);

    /// <summary>Appends the entry for a successful write inside that write's transaction; returns its sequence (0 if already recorded).</summary>
    public long RecordIn(WriteScope scope, CallAudit audit, string detail = "")
    {
        if (audit.Recorded) return 0;
        var sequence = Append(scope, audit, AuditOutcome.Ok, detail);
        scope.OnCommitted(() => audit.Recorded = true);
        return sequence;
    }

    /// <summary>Appends an entry on its own (a read of a child's data, a refusal, a failure).</summary>
    public Task RecordAsync(CallAudit audit, AuditOutcome outcome, string detail = "")
    {
        if (audit.Recorded) return Task.CompletedTask;
        return store.WriteAsync(scope =>
        {
            Append(scope, audit, outcome, detail);
            scope.OnCommitted(() => audit.Recorded = true);
        });
    }

    private long Append(WriteScope scope, CallAudit audit, AuditOutcome outcome, string detail)
    {
        var previous = AuditRepository.Last(scope);
        var last = previous?.Sequence ?? 0;
        var previousHash = previous?.Hash ?? "";
        var record = new AuditRecord
        {
            Sequence = last + 1,
            Time = time.GetUtcNow(),
            Principal = audit.Principal.ResourceName,
            PrincipalName = audit.Principal.DisplayName,
            Roles = audit.Principal.Roles.Order().ToList(),
            Method = audit.Method,
            Resources = [.. audit.Resources],
            Cases = [.. audit.Cases],
            Outcome = outcome,
            Detail = detail.Length > 300 ? detail[..300] : detail,
        };
        record.Hash = Hash(record, previousHash);
        AuditRepository.Append(scope, record, Head(record));
        return record.Sequence;
    }

    // The chain alone cannot show that its newest entries were deleted, so the store also keeps a
    // keyed seal of the last entry: removing the tail without the key leaves the seal pointing at an
    // entry that is gone. (Putting back an earlier copy of the whole file is a restore, not an edit.)
    private string Head(AuditRecord last) => Head(secrets.AuditKey, last);

    private static string Head(byte[] key, AuditRecord last) =>
        $"{last.Sequence}:{Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"head\u001f{last.Sequence}\u001f{last.Hash}"))).ToLowerInvariant()}";

    /// <summary>Entries newest first for the audit query (AuditService).</summary>
    public List<AuditRecord> Find(AuditFilter filter, long beforeSequence, int limit) => _entries.Find(filter, beforeSequence, limit);

    /// <summary>Recomputes the chain from the first entry; the first entry that fails is reported.</summary>
    public AuditVerification Verify() => Unreadable(() => _entries.Walk((entries, head) => Verify(entries, head, secrets.AuditKey)));

    /// <summary>
    /// Verifies the chain of a stopped store opened read-only by <see cref="StoreCheck"/>.
    /// A trail that cannot be read is reported broken, never thrown.
    /// </summary>
    public static AuditVerification Verify(ReadScope scope, Secrets secrets) =>
        Unreadable(() => AuditRepository.Walk(scope, (entries, head) => Verify(entries, head, secrets.AuditKey)));

    /// <summary>What <see cref="AuditVerification.Problem"/> starts with when the trail cannot be read at all (a damaged store).</summary>
    public const string UnreadableProblem = "the store is damaged where the audit trail is kept";

    private static AuditVerification Unreadable(Func<AuditVerification> verify)
    {
        try { return verify(); }
        catch (Exception ex) when (StoreDamagedException.IsDamage(ex))
        {
            return new AuditVerification(false, 0, 1, Damaged(ex));
        }
    }

    private static string Damaged(Exception ex) =>
        $"{UnreadableProblem} ({StoreDamagedException.Describe(ex)}); restore the newest backup that verifies";

    private static AuditVerification Verify(IEnumerable<AuditRecord> entries, string? head, byte[] key)
    {
        var previousHash = "";
        long expected = 1, checkedCount = 0;
        AuditRecord? last = null;
        try
        {
            foreach (var record in entries)
            {
                if (record.Sequence != expected)
                    return new AuditVerification(false, checkedCount, expected, $"entry {expected} is missing");
                if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key, record, previousHash)), Encoding.ASCII.GetBytes(record.Hash ?? "")))
                    return new AuditVerification(false, checkedCount, record.Sequence, $"entry {record.Sequence} does not match its hash: it was edited, or an entry before it was");
                previousHash = record.Hash!;
                expected++;
                checkedCount++;
                last = record;
            }
        }
        catch (Exception ex) when (StoreDamagedException.IsDamage(ex))
        {
            return new AuditVerification(false, checkedCount, expected, Damaged(ex));
        }
        if (last is null && head is null) return new AuditVerification(true, 0, 0, "");
        if (last is null || head != Head(key, last))
            return new AuditVerification(false, checkedCount, expected,
                $"the trail ends at entry {expected - 1} but its seal does not match: entries after it were deleted, or the seal was edited");
        return new AuditVerification(true, checkedCount, 0, "");
    }

    private string Hash(AuditRecord r, string previousHash) => Hash(secrets.AuditKey, r, previousHash);

    private static string Hash(byte[] key, AuditRecord r, string previousHash)
    {
        var canonical = string.Join('\u001f',
            r.Sequence, r.Time.UtcTicks, r.Principal, r.PrincipalName, string.Join(',', r.Roles.Select(x => (int)x)),
            r.Method, string.Join('\u001e', r.Resources), string.Join('\u001e', r.Cases), (int)r.Outcome, r.Detail, previousHash);
        return Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(canonical))).ToLowerInvariant();
    }
}
