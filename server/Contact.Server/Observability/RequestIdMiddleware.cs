using System.Text.RegularExpressions;

namespace Contact.Server.Observability;

/// <summary>
/// Gives every request an id: the caller's "x-request-id" (header, or gRPC metadata, which is the
/// same thing) when it is a sane token, else a new one. The id is echoed in the response headers
/// (gRPC: initial metadata), becomes the request's TraceIdentifier, and is in the logging scope of
/// everything logged while the request runs.
/// </summary>
public sealed partial class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> log)
{
    public const string Header = "x-request-id";

    public async Task InvokeAsync(HttpContext context)
    {
        var offered = context.Request.Headers[Header].ToString();
        // Only short plain tokens are taken: anything else could forge or break log lines.
        var id = SaneId().IsMatch(offered) ? offered : Guid.NewGuid().ToString("N");
        context.TraceIdentifier = id;
        context.Response.Headers[Header] = id;
        using (log.BeginScope("RequestId:{RequestId}", id))
            await next(context);
    }

    [GeneratedRegex(@"^[A-Za-z0-9._:\-]{1,64}$")]
    private static partial Regex SaneId();
}
