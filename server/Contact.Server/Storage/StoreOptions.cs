namespace Contact.Server.Storage;

/// <summary>Where the store lives and how it is opened.</summary>
public sealed class StoreOptions
{
    /// <summary>Folder of the database file; relative paths are from the working directory.</summary>
    public string DataDirectory { get; set; } = "data";
    public string FileName { get; set; } = "contact.db";
    /// <summary>LiteDB file password (AES-ECB: obfuscation-grade, see docs/security.md). From configuration or environment only.</summary>
    public string? Password { get; set; }
    /// <summary>Flush (default): acknowledge a write only once its log is on disk. None: for the crash experiment only.</summary>
    public StoreDurability Durability { get; set; } = StoreDurability.Flush;

    public string ResolvePath() => System.IO.Path.GetFullPath(System.IO.Path.Combine(DataDirectory, FileName));
    public string DisplayPath => System.IO.Path.Combine(DataDirectory, FileName);
}
