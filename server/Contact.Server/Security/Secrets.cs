using System.Security.Cryptography;
using System.Text;

namespace Contact.Server.Security;

/// <summary>
/// The data key and the keys derived from it (HKDF-SHA256): the audit chain's HMAC key, the field
/// encryption key, the blind-index key for matching on encrypted fields, and, unless a storage
/// password is configured, the LiteDB file password. The data key is held outside the database:
/// configuration or environment (Contact:Secrets:DataKey, base64 of 32 bytes), or a key file
/// (Contact:Secrets:KeyFile). Only for a brand-new store with neither is a key file generated,
/// so that the embedded default runs with no set-up.
/// </summary>
public sealed class Secrets
{
    private Secrets(byte[] dataKey)
    {
        AuditKey = Derive(dataKey, "contact/audit-chain");
        FieldKey = Derive(dataKey, "contact/field-encryption");
        BlindIndexKey = Derive(dataKey, "contact/blind-index");
        StoragePassword = Convert.ToBase64String(Derive(dataKey, "contact/litedb-password"));
    }

    public byte[] AuditKey { get; }
    public byte[] FieldKey { get; }
    public byte[] BlindIndexKey { get; }
    public string StoragePassword { get; }

    public static Secrets FromKey(byte[] dataKey)
    {
        if (dataKey.Length != 32) throw new SecretsException("The data key must be 32 bytes (base64 of 32 random bytes).");
        return new Secrets(dataKey);
    }

    /// <summary>Loads the data key; see the class summary for where it is looked for.</summary>
    public static Secrets Load(string? configuredKey, string keyFile, bool storeExists, ILogger log)
    {
        if (!string.IsNullOrWhiteSpace(configuredKey)) return FromKey(Decode(configuredKey, "Contact:Secrets:DataKey"));
        if (File.Exists(keyFile)) return FromKey(Decode(File.ReadAllText(keyFile).Trim(), keyFile));
        if (storeExists)
            throw new SecretsException(
                "The store exists but no data key was given: set Contact:Secrets:DataKey (environment " +
                "Contact__Secrets__DataKey) or Contact:Secrets:KeyFile to the key it was created with.");

        var key = RandomNumberGenerator.GetBytes(32);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keyFile))!);
        File.WriteAllText(keyFile, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        log.LogWarning("Generated a new data key in {KeyFile}. Keep it apart from backups of the store: without it the store cannot be opened.", keyFile);
        return FromKey(key);
    }

    private static byte[] Decode(string text, string source)
    {
        try { return Convert.FromBase64String(text); }
        catch (FormatException) { throw new SecretsException($"The data key in {source} is not base64."); }
    }

    private static byte[] Derive(byte[] key, string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, salt: null, info: Encoding.UTF8.GetBytes(purpose));
}
