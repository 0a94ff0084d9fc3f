namespace Contact.Server.Hosting;

/// <summary>
/// How long shared caches (a council directory's proxy, a CDN, a browser) may reuse an open GET
/// answer. Put on an endpoint or a group with <see cref="HttpCaching.WithHttpCaching{TBuilder}"/>.
/// </summary>
public sealed record HttpCachePolicy(TimeSpan MaxAge)
{
    public string CacheControl => $"public, max-age={(long)MaxAge.TotalSeconds}";
}
