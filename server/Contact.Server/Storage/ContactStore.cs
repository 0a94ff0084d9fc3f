using System.Collections.Concurrent;
using LiteDB;

namespace Contact.Server.Storage;

/// <summary>
/// The one seam to LiteDB. Every write runs on a single writer thread, each in its own
/// transaction (LiteDB 5 transactions are per thread, so none may cross an await), and is
/// acknowledged only after the log holding it has been flushed to disk: writes that arrive
/// together share one flush (group commit). Reads go straight to the database from any thread.
/// </summary>
public sealed class ContactStore : IDisposable
{
    private const int MaxBatch = 128;

    private readonly LiteDatabase _db;
    private readonly BlockingCollection<IWorkItem> _queue = new();
    private readonly Thread _writer;
    private readonly ILogger _log;
    private readonly DurabilityBarrier _durability;
    private int _disposed;
    private readonly bool _waitForFlush;

    public ContactStore(StoreOptions options, ILogger<ContactStore> log)
    {
        _log = log;
        Path = options.ResolvePath();
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var connection = new ConnectionString
        {
            Filename = Path,
            Connection = ConnectionType.Direct,
            Password = string.IsNullOrEmpty(options.Password) ? null : options.Password,
        };
        LiteDatabase? db = null;
        try
        {
            db = new LiteDatabase(connection, StoreMapper.Create());
            // Touch the header so that a wrong or missing password fails here, not on first use.
            _ = db.GetCollectionNames().ToList();
            Collections.EnsureIndexes(db);
        }
        catch (LiteException ex) when (ex.Message.Contains("password", StringComparison.OrdinalIgnoreCase) || ex.ErrorCode == LiteException.INVALID_DATABASE)
        {
            db?.Dispose();
            throw new StoreOpenException(
                $"The store at '{options.DisplayPath}' could not be opened: the storage password is wrong or missing " +
                "(set Contact:Storage:Password, e.g. the environment variable Contact__Storage__Password), " +
                "or the file is not a Contact store (restore the newest backup that verifies).", ex);
        }
        catch (Exception ex) when (StoreDamagedException.IsDamage(ex))
        {
            TryDispose(db);
            throw new StoreDamagedException(options.DisplayPath, ex);
        }
        _db = db;
        _durability = new DurabilityBarrier(_db);
        _waitForFlush = options.Durability != StoreDurability.None;
        if (!_waitForFlush) _log.LogWarning("Contact:Storage:Durability=None: writes are acknowledged before they are on disk (experiments only).");
        _writer = new Thread(RunWriter) { IsBackground = true, Name = "contact-store-writer" };
        _writer.Start();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    internal DurabilityBarrier Durability => _durability;

    /// <summary>
    /// Runs <paramref name="work"/> on the writer thread in one transaction and completes when it is
    /// durable. If it throws, the transaction rolls back and the exception is rethrown here: nothing
    /// is half written. Actions registered with <see cref="WriteScope.OnCommitted"/> run after the
    /// flush, in commit order, before the caller resumes.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<WriteScope, T> work)
    {
        var item = new WorkItem<T>(work);
        try
        {
            _queue.Add(item);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(ContactStore), "The store is shutting down.");
        }
        return item.Task;
    }

    public Task WriteAsync(Action<WriteScope> work) => WriteAsync<bool>(scope => { work(scope); return true; });

    /// <summary>Runs a read. Keep it synchronous: no await inside.</summary>
    public T Read<T>(Func<ReadScope, T> read) => read(new ReadScope(_db));

    /// <summary>Folds the log into the data file (used before backups and at shutdown).</summary>
    /// <summary>A named value kept in the store, or null.</summary>
    public string? Setting(string id) => Read(s => s.Settings.FindById(id)?.Value);

    /// <summary>Throws unless the store answers a read (the health check).</summary>
    public void Ping() => Read(s => s.Settings.Count());

    public Task CheckpointAsync() => WriteAsync(scope => scope.Checkpoint = true);

    /// <summary>Copies a consistent snapshot of the store to <paramref name="destination"/> while it keeps serving.</summary>
    public Task BackupAsync(string destination) => WriteAsync(scope => scope.BackupTo = destination);

    private void RunWriter()
    {
        var batch = new List<IWorkItem>(MaxBatch);
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            batch.Add(first);
            while (batch.Count < MaxBatch && _queue.TryTake(out var next)) batch.Add(next);

            var committed = new List<(IWorkItem Item, WriteScope Scope)>(batch.Count);
            foreach (var item in batch)
            {
                var scope = new WriteScope(_db);
                bool began;
                // A damaged file can leave the engine refusing every transaction: that fails the
                // write (the caller hears DATA_LOSS), never the writer thread and with it the process.
                try { began = _db.BeginTrans(); }
                catch (Exception ex)
                {
                    item.Fail(ex);
                    continue;
                }
                if (!began)
                {
                    item.Fail(new InvalidOperationException("A transaction was left open on the writer thread."));
                    continue;
                }
                try
                {
                    item.Execute(scope);
                    _db.Commit();
                    committed.Add((item, scope));
                }
                catch (Exception ex)
                {
                    TryRollback();
                    item.Fail(ex);
                }
            }

            try
            {
                if (_waitForFlush) _durability.WaitUntilDurable();
            }
            catch (Exception ex)
            {
                _log.LogCritical(ex, "The store could not flush its log; acknowledging nothing in this batch.");
                foreach (var (item, _) in committed) item.Fail(ex);
                committed.Clear();
            }

            foreach (var (item, scope) in committed)
            {
                try { scope.RunCommitted(); }
                catch (Exception ex) { _log.LogError(ex, "An after-commit action failed."); }
                // A failed checkpoint or backup copy fails only the write that asked for it.
                try
                {
                    RunMaintenance(scope);
                    item.Complete();
                }
                catch (Exception ex)
                {
                    _log.LogError(ex, "Checkpoint or backup failed.");
                    item.Fail(ex);
                }
            }
            batch.Clear();
        }
    }

    private void RunMaintenance(WriteScope scope)
    {
        if (scope.Checkpoint || scope.BackupTo is not null) _db.Checkpoint();
        if (scope.BackupTo is { } destination)
        {
            // After a checkpoint the data file holds everything and the writer thread holds the
            // only write path, so a plain copy is consistent. Copy to a temporary name first so
            // that a half-written backup never carries the final name.
            var partial = destination + ".partial";
            File.Copy(Path, partial, overwrite: true);
            File.Move(partial, destination, overwrite: true);
        }
    }

    private static void TryDispose(LiteDatabase? db)
    {
        // Disposing a damaged database may itself fail (its checkpoint reads the damage).
        try { db?.Dispose(); } catch (Exception) { }
    }

    private void TryRollback()
    {
        try { _db.Rollback(); }
        catch (Exception ex) { _log.LogError(ex, "Rollback failed."); }
    }

    public void Dispose()
    {
        // Idempotent: the host disposes the store at shutdown even when it was closed before.
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _queue.CompleteAdding();
        _writer.Join(TimeSpan.FromSeconds(30));
        try { _db.Checkpoint(); } catch (Exception ex) { _log.LogWarning(ex, "Checkpoint at shutdown failed."); }
        _db.Dispose();
        _queue.Dispose();
    }

    private interface IWorkItem
    {
        void Execute(WriteScope scope);
        void Fail(Exception ex);
        void Complete();
    }

    private sealed class WorkItem<T>(Func<WriteScope, T> work) : IWorkItem
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;

        public Task<T> Task => _done.Task;
        public void Execute(WriteScope scope) => _result = work(scope);
        public void Fail(Exception ex) => _done.TrySetException(ex);
        public void Complete() => _done.TrySetResult(_result);
    }
}
