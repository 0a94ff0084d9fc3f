using Contact.Server.Security;

namespace Contact.Server.Storage;

/// <summary>
/// Online backups into the backups folder beside the store, and the offline restore. A backup is a
/// byte copy of the (encrypted) data file taken on the writer thread after a checkpoint, so it is
/// consistent, opens only with the same data key, and holds the audit entry that records it.
/// </summary>
public sealed class Backups(ContactStore store, AuditTrail trail, TimeProvider time)
{
    public const string FolderName = "backups";

    public sealed record Created(string FileName, long SizeBytes, DateTimeOffset Time, long AuditSequence);

    public static string FolderOf(string storePath) => Path.Combine(Path.GetDirectoryName(storePath)!, FolderName);

    public async Task<Created> CreateAsync(CallAudit audit)
    {
        var now = time.GetUtcNow();
        var folder = FolderOf(store.Path);
        Directory.CreateDirectory(folder);
        var name = $"contact-{now:yyyyMMdd'T'HHmmss'Z'}.db";
        for (var n = 2; File.Exists(Path.Combine(folder, name)); n++) name = $"contact-{now:yyyyMMdd'T'HHmmss'Z'}-{n}.db";
        var destination = Path.Combine(folder, name);

        var sequence = await store.WriteAsync(scope =>
        {
            var recorded = trail.RecordIn(scope, audit.Touch($"{FolderName}/{name}"));
            scope.BackupTo = destination;
            return recorded;
        });
        // Encrypted, but still every child's data in one file: owner-only, like the key file.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(destination, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return new Created(name, new FileInfo(destination).Length, now, sequence);
    }

    /// <summary>
    /// Puts <paramref name="backupFile"/> in place of the store, which must not be open (stop the
    /// server first). The backup is checked first: it must open with this data key and its audit
    /// chain must verify (<see cref="StoreCheck"/>). The store it replaces is kept beside it as "*.replaced-{time}", and its
    /// log file with it, so that a stale log is never replayed over the restored file.
    /// </summary>
    public static string Restore(StoreOptions options, Secrets secrets, string backupFile)
    {
        if (!File.Exists(backupFile)) throw new IOException($"No backup at '{backupFile}'.");
        var target = options.ResolvePath();
        var log = LogFileOf(target);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target)) EnsureNotInUse(target);

        // Check a copy, never the backup itself (opening a LiteDB file may write to it).
        var candidate = target + ".restoring";
        File.Copy(backupFile, candidate, overwrite: true);
        try
        {
            // Read-only and whole: every document and index, then the audit chain.
            var check = StoreCheck.Run(candidate, backupFile, options.Password ?? secrets.StoragePassword, secrets, full: true);
            if (check.Result != StoreCheck.Outcome.Intact)
            {
                var problem = check.Audit is { Intact: false } audit && check.Result == StoreCheck.Outcome.AuditBroken
                    ? $"its audit chain does not verify ({audit.Problem})"
                    : $"it is damaged or does not open with this data key ({check.Findings.FirstOrDefault(f => !f.Contains(" agree.", StringComparison.Ordinal)) ?? "unreadable"})";
                throw new IOException($"The backup '{backupFile}' was not restored: {problem}. Nothing was changed; try an older backup.");
            }
            DeleteIfExists(LogFileOf(candidate));

            var suffix = $".replaced-{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}";
            if (File.Exists(target)) File.Move(target, target + suffix);
            if (File.Exists(log)) File.Move(log, log + suffix);
            File.Move(candidate, target);
            return File.Exists(target + suffix) ? target + suffix : "";
        }
        finally
        {
            DeleteIfExists(candidate);
            DeleteIfExists(LogFileOf(candidate));
        }
    }

    private static void EnsureNotInUse(string path)
    {
        try
        {
            using var _ = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new IOException($"The store '{path}' is in use: stop the server before restoring.", ex);
        }
    }

    /// <summary>LiteDB 5 keeps its write-ahead log beside the data file as "{name}-log{ext}".</summary>
    internal static string LogFileOf(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));

    private static void DeleteIfExists(string path)
    {
        if (File.Exists(path)) File.Delete(path);
    }
}
