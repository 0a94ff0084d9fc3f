namespace Contact.Server.Domain.Register;

// Domain enums carry the same numbers as their contact.v1 counterparts, so the gRPC layer maps
// them by value; the domain itself knows nothing of the wire contract.

/// <summary>Resource names.</summary>
public static class Names
{
    public const string CentrePrefix = "centres/";

    public static string Centre(string id) => CentrePrefix + id;

    /// <summary>The id in "centres/{id}", or null when the name is not of that form.</summary>
    public static string? CentreId(string? name) => IdOf(name, CentrePrefix);

    public static string? IdOf(string? name, string prefix)
    {
        if (string.IsNullOrEmpty(name) || !name.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var id = name[prefix.Length..];
        return id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? id : null;
    }

    /// <summary>A new random id: 13 lower-case base-32 characters (65 bits).</summary>
    public static string NewId()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        Span<byte> bytes = stackalloc byte[9];
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
        var chars = new char[13];
        ulong bits = BitConverter.ToUInt64(bytes);
        for (int i = 0; i < 12; i++) { chars[i] = alphabet[(int)(bits & 31)]; bits >>= 5; }
        chars[12] = alphabet[bytes[8] & 31];
        return new string(chars);
    }
}
