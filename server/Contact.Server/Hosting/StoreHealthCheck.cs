using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Contact.Server.Hosting;

/// <summary>Healthy while the store answers: the background <see cref="StoreProbe"/>'s last result (used by /healthz and the gRPC publisher).</summary>
public sealed class StoreHealthCheck(StoreProbe probe) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(probe.Current);
}
