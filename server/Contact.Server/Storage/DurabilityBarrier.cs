using System.Reflection;
using LiteDB;

namespace Contact.Server.Storage;

/// <summary>
/// Waits until everything committed so far is on disk. LiteDB 5.0.20 returns from Commit() once
/// the pages are queued for its background disk writer, which flushes (fsync) after writing them;
/// waiting for that queue to drain makes an acknowledged write survive a crash. The queue is
/// internal, so it is reached by reflection once at start-up; if this LiteDB build does not have
/// it, a checkpoint (which waits for the queue and folds the log into the data file) is used.
/// </summary>
internal sealed class DurabilityBarrier
{
    private readonly LiteDatabase _db;
    private readonly Action? _waitForQueue;

    public DurabilityBarrier(LiteDatabase db)
    {
        _db = db;
        _waitForQueue = FindQueueWait(db);
    }

    /// <summary>Whether the precise queue wait is in use (rather than the checkpoint fallback).</summary>
    public bool UsesQueueWait => _waitForQueue is not null;

    public void WaitUntilDurable()
    {
        if (_waitForQueue is not null) _waitForQueue();
        else _db.Checkpoint();
    }

    private static Action? FindQueueWait(LiteDatabase db)
    {
        const BindingFlags any = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
        try
        {
            var engine = typeof(LiteDatabase).GetField("_engine", any)?.GetValue(db);
            var disk = engine?.GetType().GetField("_disk", any)?.GetValue(engine);
            var queueProperty = disk?.GetType().GetProperty("Queue", any);
            var queue = queueProperty?.GetValue(disk);
            if (queue is Lazy<object> lazy) queue = lazy.Value;
            var wait = queue?.GetType().GetMethod("Wait", any, Type.EmptyTypes);
            if (queue is null || wait is null) return null;
            return () => wait.Invoke(queue, null);
        }
        catch (Exception)
        {
            return null;
        }
    }
}
