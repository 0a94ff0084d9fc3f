using System.Diagnostics.Metrics;
using Grpc.Core;

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
