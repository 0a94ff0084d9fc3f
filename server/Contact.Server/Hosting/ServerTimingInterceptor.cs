using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Contact.Server.Hosting;

/// <summary>
/// Reports how long the handler of a unary call took, in a standard Server-Timing trailer
/// ("server-timing: handler;dur=0.412", milliseconds), so that a benchmark can read the server-side
/// latency of each call. Registered innermost (after access and error mapping), so it times the
/// handler alone. Off by default (Contact:ServerTiming): timings are a side channel.
/// </summary>
public sealed class ServerTimingInterceptor : Interceptor
{
    public const string Trailer = "server-timing";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return await continuation(request, context);
        }
        finally
        {
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            context.ResponseTrailers.Add(Trailer, "handler;dur=" + ms.ToString("0.###", CultureInfo.InvariantCulture));
        }
    }
}
