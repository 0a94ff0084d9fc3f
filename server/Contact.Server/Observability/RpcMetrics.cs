using System.Diagnostics;
using System.Diagnostics.Metrics;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Contact.Server.Observability;

/// <summary>
/// Per-RPC metrics, named after the OpenTelemetry RPC semantic conventions: one duration histogram
/// (its count is the call count) labelled with service, method and gRPC status code, so errors are
/// the calls whose status is not OK. Exported at /metrics in the Prometheus text format as
/// rpc_server_call_duration_seconds_{bucket,count,sum}.
/// </summary>
public sealed class RpcMetrics : IDisposable
{
    public const string MeterName = "Contact.Server";
    private readonly Meter _meter;
    private readonly Histogram<double> _duration;

    public RpcMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _duration = _meter.CreateHistogram<double>("rpc.server.call.duration", unit: "s",
            description: "Duration of gRPC calls (including those transcoded from JSON), by method and status.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
    }

    public void Record(string method, StatusCode status, TimeSpan elapsed)
    {
        // "/contact.v1.RegisterService/GetCentre" -> service, method
        var slash = method.LastIndexOf('/');
        var service = slash > 0 ? method[1..slash] : method;
        _duration.Record(elapsed.TotalSeconds,
            new("rpc.system", "grpc"),
            new("rpc.service", service),
            new("rpc.method", method[(slash + 1)..]),
            new("rpc.grpc.status_code", (int)status));
    }

    public void Dispose() => _meter.Dispose();
}

/// <summary>Times every call and logs its outcome; outermost, so refusals by the access check count too.</summary>
public sealed class RpcMetricsInterceptor(RpcMetrics metrics, ILogger<RpcMetricsInterceptor> log) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        Measure(context, () => continuation(request, context));

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        Measure(context, () => continuation(requestStream, context));

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        Measure(context, async () => { await continuation(request, responseStream, context); return true; });

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        Measure(context, async () => { await continuation(requestStream, responseStream, context); return true; });

    private async Task<T> Measure<T>(ServerCallContext context, Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var status = StatusCode.OK;
        try
        {
            return await call();
        }
        catch (RpcException ex)
        {
            status = ex.StatusCode;
            throw;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            status = StatusCode.Cancelled;
            throw;
        }
        catch
        {
            status = StatusCode.Unknown;
            throw;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            metrics.Record(context.Method, status, elapsed);
            log.LogInformation("{Method} answered {Status} in {ElapsedMs:0.0} ms", context.Method, status, elapsed.TotalMilliseconds);
        }
    }
}
