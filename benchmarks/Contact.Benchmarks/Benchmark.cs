using System.Diagnostics;
using Contact.Load;
using Contact.Testing;
using Google.Protobuf;
using Contact.Server.Storage;
using LiteDB;

namespace Contact.Benchmarks;

/// <summary>
/// Side-by-side benchmarks on one server process started here on loopback:
///   1. FindNearestCentres vs the empty RPC (GetCallerIdentity) with 1,000 centres, ratio of throughput;
///   2. the same with 100,000 centres, plus the server-side p99 of FindNearestCentres (Server-Timing trailer);
///   3. a durable write (CreateCentre, standing in for SubmitReferral) vs a raw LiteDB single-document
///      insert with the same durability (the store's DurabilityBarrier: log writer drained + fsync).
/// Phases alternate (A, B, A, B) so that noise from a shared machine falls on both sides.
/// dotnet run --project benchmarks/Contact.Benchmarks -c Release -- [--seconds 5] [--concurrency 16] [--large 100000] [--skip-large]
/// </summary>
public static class Benchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        var seconds = options.Double("seconds", 5);
        var concurrency = options.Int("concurrency", 16);
        var large = options.Int("large", 100_000);
        var root = Path.Combine(Path.GetTempPath(), "contact-bench", Guid.NewGuid().ToString("N"));
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; phases {seconds} s, concurrency {concurrency}");

        var rows = new List<string>();
        var peak = new List<string>();
        foreach (var size in options.Flag("skip-large") ? [1_000] : new[] { 1_000, large })
        {
            var data = Path.Combine(root, $"{size}");
            Console.WriteLine($"seeding {size:N0} centres");
            await Seeding.SeedAsync(data, size, seed: size);
            await using var server = await ServerProcess.StartAsync(data, "--Contact:ServerTiming=true");
            using var context = new LoadContext(server.Address, server.DemoKeys());
            rows.Add(await CompareAsync($"{size:N0} centres", new Scenarios.Lookups(), new Scenarios.EmptyRpc(), context, server, seconds, concurrency));
            if (size == 1_000) rows.Add(await DurableWriteAsync(context, seconds, concurrency));
            peak.Add($"{size:N0}: {server.PeakMemoryMiB():F0} MiB");
        }
        Console.WriteLine($"server peak memory (VmHWM) by register size: {string.Join(", ", peak)}");
        Console.WriteLine();
        Console.WriteLine("summary");
        foreach (var row in rows) Console.WriteLine("  " + row);
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        return 0;
    }

    private static async Task<string> CompareAsync(string label, IScenario subject, IScenario baseline, LoadContext context, ServerProcess server, double seconds, int concurrency)
    {
        var settings = new LoadSettings(concurrency, TimeSpan.FromSeconds(seconds / 2), Warmup: TimeSpan.FromSeconds(1));
        var subjectRuns = new List<LoadResult>();
        var baselineRuns = new List<LoadResult>();
        context.TakeServerTimings();
        var handler = new List<double>();
        // The server's CPU per call, so that what the server spends can be told from what the load
        // generator on the same cores spends (the warm-up's calls are not counted, so this is an upper bound).
        var serverCpu = (Subject: TimeSpan.Zero, Baseline: TimeSpan.Zero);
        for (var round = 0; round < 2; round++)
        {
            var cpu = server.CpuTime();
            baselineRuns.Add(await LoadRunner.RunAsync(baseline, context, settings, seed: 10 + round));
            serverCpu.Baseline += server.CpuTime() - cpu;
            context.TakeServerTimings();
            cpu = server.CpuTime();
            subjectRuns.Add(await LoadRunner.RunAsync(subject, context, settings, seed: 20 + round));
            serverCpu.Subject += server.CpuTime() - cpu;
            handler.AddRange(context.TakeServerTimings());
        }
        foreach (var r in baselineRuns.Concat(subjectRuns)) Console.WriteLine($"  [{label}] {r}");
        var ratio = Throughput(subjectRuns) / Throughput(baselineRuns);
        var sorted = handler.Order().ToArray();
        return $"{label}: {subject.Name} {Throughput(subjectRuns):F0}/s vs {baseline.Name} {Throughput(baselineRuns):F0}/s = ratio {ratio:F2}; " +
               $"client p99 {subjectRuns.Max(r => r.P99Ms):F1} ms vs {baselineRuns.Max(r => r.P99Ms):F1} ms; " +
               $"server-side {subject.Name} handler p50 {LoadRunner.Percentile(sorted, 0.5):F3} ms, p99 {LoadRunner.Percentile(sorted, 0.99):F3} ms ({sorted.Length} calls); " +
               $"server CPU per call {PerCall(serverCpu.Subject, subjectRuns):F0} µs vs {PerCall(serverCpu.Baseline, baselineRuns):F0} µs";
    }

    private static double PerCall(TimeSpan cpu, List<LoadResult> runs) => cpu.TotalMicroseconds / runs.Sum(r => r.Calls);

    private static double Throughput(List<LoadResult> runs) => runs.Sum(r => r.Calls) / runs.Sum(r => r.Elapsed.TotalSeconds);

    /// <summary>Durable CreateCentre over gRPC vs raw LiteDB inserts acknowledged through the same barrier, same concurrency, alternating.</summary>
    private static async Task<string> DurableWriteAsync(LoadContext context, double seconds, int concurrency)
    {
        var settings = new LoadSettings(concurrency, TimeSpan.FromSeconds(seconds / 2), Warmup: TimeSpan.FromSeconds(1));
        var writes = new List<LoadResult>();
        var raw = new List<(long Count, TimeSpan Elapsed, double P99)>();
        var rawPath = Path.Combine(Path.GetTempPath(), "contact-bench", $"raw-{Guid.NewGuid():N}.db");
        using (var db = new LiteDatabase(new ConnectionString { Filename = rawPath, Connection = ConnectionType.Direct }))
        {
            var barrier = new DurabilityBarrier(db);
            if (!barrier.UsesQueueWait) throw new InvalidOperationException("The barrier fell back to checkpoints: not the store's durability.");
            var sample = Synthetic.Centre("Raw insert", 1).ToByteArray();
            for (var round = 0; round < 2; round++)
            {
                writes.Add(await LoadRunner.RunAsync(new Scenarios.Writes(), context, settings, seed: 30 + round));
                raw.Add(RawInserts(db, barrier, sample, concurrency, TimeSpan.FromSeconds(seconds / 2)));
            }
        }
        foreach (var d in new[] { rawPath, rawPath.Replace(".db", "-log.db") }) File.Delete(d);
        foreach (var r in writes) Console.WriteLine($"  [durable write] {r}");
        foreach (var r in raw) Console.WriteLine($"  [durable write] raw-litedb c={concurrency,-3} {r.Count / r.Elapsed.TotalSeconds,9:F0} inserts/s  p99 {r.P99:F2} ms");
        var rawRate = raw.Sum(r => r.Count) / raw.Sum(r => r.Elapsed.TotalSeconds);
        var rpcRate = Throughput(writes);
        return $"durable write: CreateCentre over gRPC {rpcRate:F0}/s vs raw LiteDB insert + same barrier {rawRate:F0}/s = ratio {rpcRate / rawRate:F2} " +
               $"(client p99 {writes.Max(r => r.P99Ms):F1} ms vs {raw.Max(r => r.P99):F1} ms)";
    }

    /// <summary>
    /// <paramref name="threads"/> threads each insert one document (auto-commit) and then wait on the
    /// barrier, like a write acknowledged only when durable. LiteDB serialises the commits.
    /// </summary>
    private static (long, TimeSpan, double) RawInserts(LiteDatabase db, DurabilityBarrier barrier, byte[] payload, int threads, TimeSpan duration)
    {
        var collection = db.GetCollection("raw");
        var gate = new object(); // the barrier is not meant for concurrent callers; the store calls it from one thread too
        var latencies = new List<double>[threads];
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var mine = latencies[t] = new List<double>(4096);
            while (clock.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                collection.Insert(new BsonDocument { ["payload"] = payload, ["at"] = DateTime.UtcNow });
                lock (gate) barrier.WaitUntilDurable();
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return (all.Length, clock.Elapsed, LoadRunner.Percentile(all, 0.99));
    }
}
