using System.Diagnostics;
using Contact.Server.Storage;
using Grpc.Health.V1;
using Grpc.HealthCheck;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Contact.Server.Hosting;

/// <summary>
/// Probes the store (one small read) in the background every <see cref="ContactOptions.HealthProbeSeconds"/>
/// and keeps the last result, so health checks - which orchestrators call often and unauthenticated -
/// answer from memory instead of reading the store on every call. A probe that has not come back
/// within three intervals (a hung store) counts as unhealthy, so a stuck read cannot leave the last
/// "healthy" standing. Real time (not the injectable clock): tests move that clock by months.
/// </summary>
public sealed class StoreProbe(ContactStore store, HealthServiceImpl grpcHealth, ContactOptions options, ILogger<StoreProbe> log) : BackgroundService
{
    private readonly TimeSpan _interval = TimeSpan.FromSeconds(Math.Max(1, options.HealthProbeSeconds));
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    // A reference (HealthCheckResult is a struct), so it is read and replaced whole.
    private sealed record Outcome(HealthCheckResult Result);
    private Outcome _last = new(HealthCheckResult.Unhealthy("The store has not been probed yet."));
    private long _lastAnsweredTicks;
    private int _probing;

    /// <summary>The last probe's result, or unhealthy if the store has not answered for three intervals.</summary>
    public HealthCheckResult Current
    {
        get
        {
            var last = Volatile.Read(ref _last).Result;
            var silent = _clock.Elapsed - TimeSpan.FromTicks(Interlocked.Read(ref _lastAnsweredTicks));
            if (last.Status == HealthStatus.Healthy && silent > 3 * _interval)
                return HealthCheckResult.Unhealthy($"The store has not answered a probe for {silent.TotalSeconds:0} s.");
            return last;
        }
    }

    /// <summary>The first probe runs before the server takes calls, so health never answers from nothing.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        Probe();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // A probe still running from an earlier tick is not started twice; Current ages it out instead.
            if (Volatile.Read(ref _probing) == 0) _ = Task.Run(Probe, stoppingToken);
            Publish(Current);
        }
    }

    /// <summary>Runs one probe now (also what the interval runs).</summary>
    public void Probe()
    {
        if (Interlocked.Exchange(ref _probing, 1) == 1) return;
        try
        {
            store.Ping();
            Interlocked.Exchange(ref _lastAnsweredTicks, _clock.Elapsed.Ticks);
            Volatile.Write(ref _last, new Outcome(HealthCheckResult.Healthy()));
        }
        catch (Exception ex)
        {
            if (Volatile.Read(ref _last).Result.Status == HealthStatus.Healthy) log.LogError(ex, "The store does not answer its health probe.");
            Volatile.Write(ref _last, new Outcome(HealthCheckResult.Unhealthy("The store does not answer.", ex)));
        }
        finally { Volatile.Write(ref _probing, 0); }
        Publish(Current);
    }

    // grpc.health.v1 answers from HealthServiceImpl's table (UseHealthChecksCache); "" is the whole server.
    private void Publish(HealthCheckResult result) => grpcHealth.SetStatus("",
        result.Status == HealthStatus.Healthy ? HealthCheckResponse.Types.ServingStatus.Serving : HealthCheckResponse.Types.ServingStatus.NotServing);
}
