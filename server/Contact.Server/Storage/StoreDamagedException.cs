using LiteDB;

namespace Contact.Server.Storage;

/// <summary>
/// The store file cannot be read: damaged (a flipped byte, a torn copy) or not a Contact store at
/// all. Its message is one line for an operator: the file, what was found, and what to do.
/// </summary>
public sealed class StoreDamagedException(string displayPath, Exception inner)
    : Exception($"The store '{displayPath}' is damaged or is not a Contact store ({Describe(inner)}). " +
                "Stop the server and restore the newest backup that verifies (the restore command); check-store shows what it finds.", inner)
{
    public string DisplayPath { get; } = displayPath;

    /// <summary>A one-line account of what LiteDB found, without a stack trace.</summary>
    public static string Describe(Exception ex)
    {
        var message = ex.Message.ReplaceLineEndings(" ").Trim();
        if (message.Length > 160) message = message[..160] + "…";
        return $"{ex.GetType().Name}: {message}";
    }

    /// <summary>
    /// Whether <paramref name="ex"/> came from LiteDB reading the file (a LiteException, or any
    /// exception thrown inside LiteDB's code, e.g. a DecoderFallbackException from a damaged string),
    /// rather than from a request: an index key too long, a duplicate key or a lock timeout are not damage.
    /// </summary>
    public static bool IsDamage(Exception ex)
    {
        if (ex is StoreDamagedException) return true;
        if (ex is LiteException lite)
            return lite.ErrorCode is not (LiteException.INDEX_DUPLICATE_KEY or LiteException.INVALID_INDEX_KEY or LiteException.LOCK_TIMEOUT
                or LiteException.INVALID_NULL_CHAR_STRING or LiteException.DATABASE_SHUTDOWN or LiteException.ALREADY_OPEN_DATAFILE);
        if (ex is OperationCanceledException or OutOfMemoryException or ObjectDisposedException) return false;
        var liteDb = typeof(LiteDatabase).Assembly;
        return new System.Diagnostics.StackTrace(ex, false).GetFrames().Any(f => f.GetMethod()?.DeclaringType?.Assembly == liteDb);
    }
}
