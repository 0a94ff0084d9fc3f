using System.IO.Compression;
using System.Security.Cryptography;

namespace Contact.Server.Finder;

/// <summary>
/// The page's two static files (the compiled GOV.UK Frontend stylesheet and the small
/// progressive-enhancement script), embedded in the server and served from memory: no CDN, no
/// file system. Each is compressed once at start (Brotli and gzip at their smallest) and addressed
/// by a hash of its content, so browsers may keep it for a year (HttpCaching, see MapFinder) and a
/// new build changes the URL.
/// </summary>
public sealed class FinderAssets
{
    public sealed record Asset(string Name, string ContentType, byte[] Identity, byte[] Brotli, byte[] Gzip, string Hash)
    {
        /// <summary>The URL pages link to: changes whenever the content does.</summary>
        public string Url => $"/find/assets/{Name}?v={Hash}";
    }

    private readonly Dictionary<string, Asset> _assets;

    public FinderAssets()
    {
        _assets = new[] { Load("finder.css", "text/css; charset=utf-8"), Load("finder.js", "text/javascript; charset=utf-8") }
            .ToDictionary(a => a.Name, StringComparer.Ordinal);
    }

    public Asset Css => _assets["finder.css"];
    public Asset Script => _assets["finder.js"];

    public IResult Serve(string name, HttpContext http)
    {
        if (!_assets.TryGetValue(name, out var asset)) return FinderEndpoints.NotFoundPage(http);
        var headers = http.Response.Headers;
        headers.Vary = "Accept-Encoding";
        headers.XContentTypeOptions = "nosniff";
        var accepts = http.Request.GetTypedHeaders().AcceptEncoding;
        bool Accepts(string coding) => accepts.Any(e => e.Value.Equals(coding, StringComparison.OrdinalIgnoreCase) && e.Quality is not 0);
        if (Accepts("br")) { headers.ContentEncoding = "br"; return Results.Bytes(asset.Brotli, asset.ContentType); }
        if (Accepts("gzip")) { headers.ContentEncoding = "gzip"; return Results.Bytes(asset.Gzip, asset.ContentType); }
        return Results.Bytes(asset.Identity, asset.ContentType);
    }

    private static Asset Load(string name, string contentType)
    {
        using var stream = typeof(FinderAssets).Assembly.GetManifestResourceStream($"Contact.Server.Finder.{name}")
            ?? throw new InvalidOperationException($"The embedded asset {name} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        return new Asset(name, contentType, bytes,
            Compress(bytes, s => new BrotliStream(s, CompressionLevel.SmallestSize)),
            Compress(bytes, s => new GZipStream(s, CompressionLevel.SmallestSize)),
            Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]);
    }

    private static byte[] Compress(byte[] bytes, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var z = compressor(output)) z.Write(bytes);
        return output.ToArray();
    }
}
