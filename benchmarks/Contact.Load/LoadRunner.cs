using System.Diagnostics;
using Grpc.Core;

namespace Contact.Load;

/// <summary>How to run a load.</summary>
public sealed record LoadSettings(int Concurrency = 16, TimeSpan? Duration = null, long? Count = null, TimeSpan? Warmup = null, TimeSpan? MaxTime = null)
{
    public TimeSpan MeasuredFor => Duration ?? TimeSpan.FromSeconds(10);
}

/// <summary>What a load run measured.</summary>
public sealed record LoadResult(string Scenario, int Concurrency, long Calls, long Errors, TimeSpan Elapsed, double P50Ms, double P95Ms, double P99Ms, double MaxMs,
    IReadOnlyDictionary<StatusCode, long> ErrorsByCode)
{
    public double Throughput => Calls / Elapsed.TotalSeconds;

    public override string ToString() =>
        $"{Scenario,-10} c={Concurrency,-3} {Throughput,9:F0} calls/s  p50 {P50Ms,7:F2} ms  p95 {P95Ms,7:F2} ms  p99 {P99Ms,7:F2} ms  max {MaxMs,7:F1} ms  " +
        $"calls {Calls}  errors {Errors}{(ErrorsByCode.Count == 0 ? "" : " (" + string.Join(", ", ErrorsByCode.Select(e => $"{e.Key}: {e.Value}")) + ")")}";
}

/// <summary>
/// Closed-loop load: <c>Concurrency</c> workers each call the scenario back to back, first for the
/// warm-up (not measured), then for the duration or until the count is reached. Always bounded:
/// a count run stops at <c>MaxTime</c> (default 2 minutes) whatever it reached.
/// </summary>
public static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(IScenario scenario, LoadContext context, LoadSettings settings, int seed = 1)
    {
        if (settings.Concurrency is < 1 or > 1024) throw new ArgumentException("--concurrency must be from 1 to 1024.");
        await scenario.PrepareAsync(context);

        if (settings.Warmup is { } warmup && warmup > TimeSpan.Zero)
            await Phase(scenario, context, settings.Concurrency, warmup, null, seed + 1000);

        var limit = settings.Count is null ? settings.MeasuredFor : settings.MaxTime ?? TimeSpan.FromMinutes(2);
        var clock = Stopwatch.StartNew();
        var workers = await Phase(scenario, context, settings.Concurrency, limit, settings.Count, seed);
        var elapsed = clock.Elapsed;

        var latencies = workers.SelectMany(w => w.Latencies).ToArray();
        Array.Sort(latencies);
        var byCode = workers.SelectMany(w => w.Errors).GroupBy(e => e).ToDictionary(g => g.Key, g => (long)g.Count());
        return new LoadResult(scenario.Name, settings.Concurrency, latencies.Length, byCode.Values.Sum(), elapsed,
            Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99), latencies.Length == 0 ? 0 : latencies[^1], byCode);
    }

    private sealed class Worker
    {
        public readonly List<double> Latencies = new(4096);
        public readonly List<StatusCode> Errors = [];
    }

    private static async Task<Worker[]> Phase(IScenario scenario, LoadContext context, int concurrency, TimeSpan limit, long? count, int seed)
    {
        using var stop = new CancellationTokenSource(limit);
        long remaining = count ?? long.MaxValue;
        var workers = Enumerable.Range(0, concurrency).Select(_ => new Worker()).ToArray();
        await Task.WhenAll(workers.Select((worker, i) => Task.Run(async () =>
        {
            var random = new Random(seed * 7919 + i);
            while (!stop.IsCancellationRequested && Interlocked.Decrement(ref remaining) >= 0)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await scenario.RunOnceAsync(context, random);
                    worker.Latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
                catch (RpcException ex)
                {
                    worker.Errors.Add(ex.StatusCode);
                }
            }
        })));
        return workers;
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
