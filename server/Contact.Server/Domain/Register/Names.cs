using Contact.Server.Domain.Common;

namespace Contact.Server.Domain.Register;

/// <summary>Resource names.</summary>
public static class Names
{
    public const string CentrePrefix = "centres/";

    public static string Centre(string id) => CentrePrefix + id;

    /// <summary>The id in "centres/{id}", or null when the name is not of that form.</summary>
    public static string? CentreId(string? name) => IdOf(name, CentrePrefix);

    private const string NotACentreName = "must be \"centres/{centre}\"";

    /// <summary>
    /// The centre id of a "centres/{centre}" name a request gives in <paramref name="field"/>, or null
    /// with that field's problem added: the one check of centre names in requests.
    /// </summary>
    public static string? CentreId(string? name, string field, Validation v)
    {
        var id = CentreId(name);
        v.Require(id is not null, field, NotACentreName);
        return id;
    }

    /// <summary>As <see cref="CentreId(string?, string, Validation)"/> for an optional field (a filter): null when it is left empty.</summary>
    public static string? OptionalCentreId(string? name, string field, Validation v) =>
        string.IsNullOrEmpty(name) ? null : CentreId(name, field, v);

    /// <summary>The centre id of a "centres/{centre}" name in <paramref name="field"/>; INVALID_ARGUMENT when it is not one.</summary>
    public static string RequireCentreId(string? name, string field) =>
        CentreId(name) ?? throw RuleViolation.Invalid(field, NotACentreName);

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
