using System.Security.Cryptography;

namespace Contact.Server.Hosting;

/// <summary>
/// HTTP caching for the open pages: an entity tag from the content, Cache-Control, and 304 Not
/// Modified when the client already holds that content (If-None-Match, RFC 9110 13.1.2).
/// </summary>
public static class HttpCaching
{
    /// <summary>A weak tag of the content: weak because a compressed copy shares it (RFC 9110 8.8.1).</summary>
    public static string ContentTag(ReadOnlySpan<byte> content) =>
        $"W/\"{Convert.ToHexStringLower(SHA256.HashData(content))[..22]}\"";

    /// <summary>
    /// Sets ETag and Cache-Control on the response; true when the request's If-None-Match already
    /// names <paramref name="etag"/>, so the caller answers 304 without a body.
    /// </summary>
    public static bool NotModified(HttpContext http, string etag, string cacheControl)
    {
        var headers = http.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = cacheControl;
        var sent = http.Request.Headers.IfNoneMatch.ToString();
        if (sent.Length == 0 || !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)) return false;
        // Weak comparison: W/"x" matches "x" and W/"x"; "*" matches any current representation.
        var opaque = Opaque(etag);
        return sent.Split(',').Select(t => t.Trim()).Any(t => t == "*" || Opaque(t) == opaque);
    }

    private static string Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
}
