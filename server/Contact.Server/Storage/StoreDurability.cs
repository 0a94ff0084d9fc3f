namespace Contact.Server.Storage;

/// <summary>When a write is acknowledged.</summary>
public enum StoreDurability
{
    /// <summary>After LiteDB's log writer has written it and the log file is fsynced.</summary>
    Flush,
    /// <summary>As soon as LiteDB's Commit() returns (LiteDB's own behaviour): only for measuring what the barrier buys.</summary>
    None,
}
