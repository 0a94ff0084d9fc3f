using Contact.Server.OpenApi;

namespace Contact.Server.Hosting;

/// <summary>
/// A route nothing maps answers an RFC 9457 problem (404) that points to /openapi.json, not an
/// empty body. It is the fallback: every mapped route, gRPC included, wins over it.
/// </summary>
public static class UnknownRoutes
{
    public const string Reason = "NO_ROUTE";

    public static WebApplication MapUnknownRoutes(this WebApplication app)
    {
        // "{*path}" rather than MapFallback's default, which skips paths that look like files.
        app.MapFallback("{*path}", (HttpRequest request) => Results.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "No route matches this request.",
            detail: $"Nothing answers {request.Method} {request.Path}. Every HTTP route is described in {OpenApiDescription.Route}.",
            extensions: new Dictionary<string, object?> { ["reason"] = Reason }));
        return app;
    }
}
