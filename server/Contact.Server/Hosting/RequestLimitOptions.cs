namespace Contact.Server.Hosting;

/// <summary>
/// How large a request each method takes (Contact:Limits). Every method gets a small default; only
/// the bulk methods, which carry whole tables, get more. Configurable for operators who import more.
/// </summary>
public sealed class RequestLimitOptions
{
    public const string Section = "Contact:Limits";

    /// <summary>The largest request message (or JSON body) of an ordinary method. 1 MiB.</summary>
    public int MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>The largest request message of a bulk method. 16 MiB (an ImportCentres of 5,000 full rows is about 2 MB).</summary>
    public int BulkRequestBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>The bulk methods, as "package.Service/Method"; null for the defaults.</summary>
    public string[]? BulkMethods { get; set; }

    public static readonly string[] DefaultBulkMethods =
        ["contact.v1.RegisterService/ImportCentres", "contact.v1.CaseService/BatchUpsertCases", "contact.v1.PostcodeService/ImportPostcodes"];

    /// <summary>The limit of a method given its full name ("/package.Service/Method").</summary>
    public int LimitFor(string fullName) =>
        (BulkMethods ?? DefaultBulkMethods).Any(m => fullName.AsSpan().TrimStart('/').Equals(m, StringComparison.Ordinal)) ? BulkRequestBytes : MaxRequestBytes;
}
