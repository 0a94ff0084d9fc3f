using System.Security.Cryptography;
using System.Text;

namespace Contact.Server.Security;

/// <summary>
/// Field-level encryption for children's names, dates of birth and addresses (AES-256-GCM, a fresh
/// nonce per value), and blind indexes (HMAC-SHA256 of a normalised value) so that records can be
/// matched without decrypting them.
/// </summary>
public sealed class FieldProtector(Secrets secrets)
{
    private const string Prefix = "enc1:";

    public string Protect(string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[12 + plain.Length + 16];
        var nonce = output.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(secrets.FieldKey, 16);
        aes.Encrypt(nonce, plain, output.AsSpan(12, plain.Length), output.AsSpan(12 + plain.Length, 16));
        return Prefix + Convert.ToBase64String(output);
    }

    public string Unprotect(string protectedValue)
    {
        if (!protectedValue.StartsWith(Prefix, StringComparison.Ordinal))
            throw new CryptographicException("The value is not protected by this key format.");
        var data = Convert.FromBase64String(protectedValue[Prefix.Length..]);
        if (data.Length < 28) throw new CryptographicException("The protected value is truncated.");
        var plain = new byte[data.Length - 28];
        using var aes = new AesGcm(secrets.FieldKey, 16);
        aes.Decrypt(data.AsSpan(0, 12), data.AsSpan(12, plain.Length), data.AsSpan(12 + plain.Length, 16), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>A stable, keyed digest of an already-normalised value, for exact-match lookups.</summary>
    public string BlindIndex(string normalised) =>
        Convert.ToHexString(HMACSHA256.HashData(secrets.BlindIndexKey, Encoding.UTF8.GetBytes(normalised)))[..32].ToLowerInvariant();
}
