using System.Reflection;
using LiteDB;
using Microsoft.Win32.SafeHandles;

namespace Contact.Server.Storage;

/// <summary>
/// Waits until everything committed so far is on disk. LiteDB 5.0.20 returns from Commit() once
/// the log pages are queued for its background writer (DiskService.Queue, a DiskWriterQueue).
/// DiskWriterQueue.Wait() returns once the queue has been written to the log stream, but the
/// writer signals "empty" before it calls FlushToDisk, and with a password the log stream is an
/// AesStream whose FlushToDisk is a plain Flush (no fsync) - so Wait() alone only survives a
/// process crash, not a power cut. The barrier therefore waits for the queue and then fsyncs the
/// log file itself through the file handle under the stream.
/// The members are internal, so they are found by reflection once at start-up (checked against
/// 5.0.20: LiteDatabase._engine, LiteEngine._disk, DiskService.Queue : Lazy&lt;DiskWriterQueue&gt;,
/// DiskWriterQueue.Wait() and ._stream, AesStream._stream). If a LiteDB build lacks them, a
/// checkpoint (which waits for the queue and writes the data file) is the slow fallback; a unit
/// test asserts that the precise path is in use, so an upgrade cannot silently fall back.
/// </summary>
internal sealed class DurabilityBarrier
{
    private const BindingFlags Members = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    private readonly LiteDatabase _db;
    private readonly Action? _waitForQueue;
    private readonly SafeFileHandle? _logFile;

    public DurabilityBarrier(LiteDatabase db)
    {
        _db = db;
        (_waitForQueue, _logFile) = FindQueueAndLogFile(db);
    }

    /// <summary>Whether the precise path (queue wait + fsync of the log) is in use rather than the checkpoint fallback.</summary>
    public bool UsesQueueWait => _waitForQueue is not null && _logFile is not null;

    public void WaitUntilDurable()
    {
        if (UsesQueueWait)
        {
            _waitForQueue!();
            RandomAccess.FlushToDisk(_logFile!);
        }
        else _db.Checkpoint();
    }

    private static (Action?, SafeFileHandle?) FindQueueAndLogFile(LiteDatabase db)
    {
        try
        {
            var engine = typeof(LiteDatabase).GetField("_engine", Members)?.GetValue(db);
            var disk = engine?.GetType().GetField("_disk", Members)?.GetValue(engine);
            var lazyQueue = disk?.GetType().GetProperty("Queue", Members)?.GetValue(disk);
            // Lazy<DiskWriterQueue>: DiskWriterQueue is internal, so read Value by reflection.
            var queue = lazyQueue?.GetType().GetProperty("Value")?.GetValue(lazyQueue);
            var wait = queue?.GetType().GetMethod("Wait", Members, Type.EmptyTypes);
            if (queue is null || wait is null) return (null, null);
            var waitForQueue = wait.CreateDelegate<Action>(queue);

            // Let the writer go idle first: reading FileStream.SafeFileHandle flushes its buffer.
            waitForQueue();
            var stream = queue.GetType().GetField("_stream", Members)?.GetValue(queue) as Stream;
            for (var depth = 0; stream is not null and not FileStream && depth < 4; depth++)
                stream = stream.GetType().GetField("_stream", Members)?.GetValue(stream) as Stream; // AesStream wraps the file
            return stream is FileStream file ? (waitForQueue, file.SafeFileHandle) : (null, null);
        }
        catch (Exception)
        {
            return (null, null);
        }
    }
}
