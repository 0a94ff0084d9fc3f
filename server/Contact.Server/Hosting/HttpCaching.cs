using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Contact.Server.Hosting;

/// <summary>
/// HTTP caching for the open endpoints (the Open Referral feed, the public finder page): a strong
/// <c>ETag</c> from the bytes of the answer, <c>Cache-Control</c> from the endpoint's
/// <see cref="HttpCachePolicy"/>, and <c>304 Not Modified</c> without a body when the client's
/// <c>If-None-Match</c> names the current tag (RFC 9110 §13.1.2, weak comparison; RFC 9111).
/// The tag is a hash of what would be sent, so it changes exactly when the answer does (a centre
/// edited, an accreditation lapsing at midnight) with no version counter to keep in step. The
/// answer is still computed for a 304: what it saves is the transfer and the client's parsing.
/// Only successful GET answers are tagged; refusals and errors pass through untouched.
/// </summary>
public static class HttpCaching
{
    /// <summary>Marks endpoints as cacheable by anyone for <paramref name="maxAge"/>.</summary>
    public static TBuilder WithHttpCaching<TBuilder>(this TBuilder builder, TimeSpan maxAge) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new HttpCachePolicy(maxAge));

    /// <summary>The middleware; once in the pipeline (after routing), before the endpoints.</summary>
    public static IApplicationBuilder UseHttpCaching(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var policy = context.GetEndpoint()?.Metadata.GetMetadata<HttpCachePolicy>();
        if (policy is null || !HttpMethods.IsGet(context.Request.Method))
        {
            await next(context);
            return;
        }

        var response = context.Response;
        var body = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try { await next(context); }
        finally { response.Body = body; }

        if (response.StatusCode == StatusCodes.Status200OK)
        {
            var tag = ETagOf(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            response.Headers.ETag = tag.ToString();
            response.Headers.CacheControl = policy.CacheControl;
            if (Matches(context.Request, tag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = default;
                return;
            }
        }
        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(body, context.RequestAborted);
    });

    /// <summary>A strong tag: the first 128 bits of the SHA-256 of the body, base64url.</summary>
    public static EntityTagHeaderValue ETagOf(ReadOnlySpan<byte> content) =>
        new($"\"{System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(content).AsSpan(0, 16))}\"");

    /// <summary>If-None-Match uses the weak comparison: a W/ tag for the same bytes matches too.</summary>
    private static bool Matches(HttpRequest request, EntityTagHeaderValue current) =>
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var offered)
        && offered.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
}
