using System.Security.Cryptography;
using System.Text;

namespace Contact.Server.OpenReferral;

/// <summary>
/// The ids the open feed publishes: name-based UUIDs (RFC 9562 §5.5, version 5: SHA-1 of a
/// namespace UUID and a name) under one fixed namespace, from the name of the resource in the
/// register ("service/demo0001", "organization/charity/1234567", …). The same register always gives
/// the same ids — across restarts, restores, rebuilt indexes and other servers — with nothing stored,
/// and a directory that copied an id yesterday finds the same record today. The namespace must
/// never change: changing it changes every published id.
/// </summary>
public static class OrukIds
{
    /// <summary>The namespace of every id the feed publishes (fixed once; never change it).</summary>
    public static readonly Guid Namespace = new("0b6a4a3e-3c55-4f25-9f0e-5f8c1c7a1d42");

    public static string Service(string centreId) => Of("service/" + centreId);
    public static string ServiceAtLocation(string centreId) => Of("service_at_location/" + centreId);
    public static string Location(string centreId) => Of("location/" + centreId);
    public static string Address(string centreId) => Of("address/" + centreId);
    public static string Phone(string centreId) => Of("phone/" + centreId);
    public static string Contact(string centreId) => Of("contact/" + centreId);
    public static string Schedule(string centreId, int number) => Of($"schedule/{centreId}/{number}");
    public static string Attribute(string centreId, string term) => Of($"attribute/{centreId}/{term}");
    public static string Organization(string key) => Of("organization/" + key);
    public static string OrganizationIdentifier(string key) => Of("organization_identifier/" + key);
    public static string Taxonomy(string name) => Of("taxonomy/" + name);
    public static string TaxonomyTerm(string taxonomy, string code) => Of($"taxonomy_term/{taxonomy}/{code}");

    /// <summary>Lower-case hyphenated UUID version 5 of <paramref name="name"/> in <see cref="Namespace"/>.</summary>
    public static string Of(string name) => NameBased(Namespace, name).ToString("D");

    /// <summary>RFC 9562 §5.5: SHA-1 over the namespace's bytes (network order) and the UTF-8 name.</summary>
    public static Guid NameBased(Guid ns, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        ns.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);
        var hash = SHA1.HashData(input);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);   // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);   // variant 10 (RFC 9562)
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
