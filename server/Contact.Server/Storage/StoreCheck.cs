using Contact.Server.Security;
using LiteDB;

namespace Contact.Server.Storage;

/// <summary>
/// Checks a stopped store without writing to it (opened read-only): every document of every
/// collection is read back through LiteDB, every index is walked and must hold one key per document,
/// and the audit chain is verified. For operators before and after a restore (check-store), for
/// verify-audit, and for the restore's check of a backup.
/// </summary>
public static class StoreCheck
{
    public enum Outcome { Intact, AuditBroken, Damaged }

    public sealed record Report(Outcome Result, IReadOnlyList<string> Findings, AuditVerification? Audit);

    /// <summary>Checks the store at <paramref name="path"/>; <paramref name="full"/> also reads every collection and index.</summary>
    public static Report Run(string path, string displayPath, string? password, Secrets secrets, bool full)
    {
        var findings = new List<string>();
        if (!File.Exists(path))
            return new Report(Outcome.Damaged, [$"There is no store at '{displayPath}'."], null);
        LiteDatabase db;
        try
        {
            db = new LiteDatabase(new ConnectionString
            {
                Filename = path,
                Connection = ConnectionType.Direct,
                ReadOnly = true,
                Password = string.IsNullOrEmpty(password) ? null : password,
            }, StoreMapper.Create());
            _ = db.GetCollectionNames().ToList();
        }
        catch (LiteException ex) when (ex.Message.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            throw new StoreOpenException($"The store '{displayPath}' could not be opened: the storage password is wrong or missing " +
                "(a store or backup opens only with the data key it was made with: Contact:Secrets:DataKey or Contact:Secrets:KeyFile).", ex);
        }
        catch (Exception ex) when (ex is LiteException or IOException || StoreDamagedException.IsDamage(ex))
        {
            return new Report(Outcome.Damaged, [$"The store '{displayPath}' does not open with this data key: it is damaged, not a Contact store, " +
                $"or made with another key ({StoreDamagedException.Describe(ex)}). Restore the newest backup that verifies."], null);
        }
        using (db)
        {
            var damaged = false;
            if (full)
            {
                foreach (var name in Names(db, findings, ref damaged))
                {
                    try
                    {
                        var collection = db.GetCollection(name);
                        var documents = collection.FindAll().Count();
                        var indexes = db.GetCollection("$indexes").Find(Query.EQ("collection", name)).Select(i => i["name"].AsString).ToList();
                        foreach (var index in indexes)
                        {
                            var keys = collection.Find(Query.All(index)).Count();
                            if (keys != documents)
                            {
                                findings.Add($"{name}: index '{index}' holds {keys} entries for {documents} documents.");
                                damaged = true;
                            }
                        }
                        findings.Add($"{name}: {documents} documents read, {indexes.Count} indexes agree.");
                    }
                    catch (Exception ex) when (StoreDamagedException.IsDamage(ex))
                    {
                        findings.Add($"{name}: cannot be read: {StoreDamagedException.Describe(ex)}.");
                        damaged = true;
                    }
                }
            }
            var audit = AuditTrail.Verify(new ReadScope(db), secrets);
            findings.Add(Describe(audit));
            var outcome = damaged ? Outcome.Damaged : audit.Intact ? Outcome.Intact : AuditDamaged(audit) ? Outcome.Damaged : Outcome.AuditBroken;
            return new Report(outcome, findings, audit);
        }
    }

    public static string Describe(AuditVerification audit) => audit.Intact
        ? $"Audit chain intact: {audit.EntriesChecked} entries verified."
        : $"Audit chain BROKEN at entry {audit.FirstBrokenSequence}: {audit.Problem} ({audit.EntriesChecked} entries verified before it).";

    private static bool AuditDamaged(AuditVerification audit) => audit.Problem.StartsWith(AuditTrail.UnreadableProblem, StringComparison.Ordinal);

    private static List<string> Names(LiteDatabase db, List<string> findings, ref bool damaged)
    {
        try
        {
            return db.GetCollectionNames().Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception ex) when (StoreDamagedException.IsDamage(ex))
        {
            findings.Add($"The list of collections cannot be read: {StoreDamagedException.Describe(ex)}.");
            damaged = true;
            return [];
        }
    }
}
