using System.Collections.Concurrent;
using System.Diagnostics;
using Contact.Client;
using Contact.V1;
using Grpc.Core;

namespace Contact.Testing;

/// <summary>What a crash run found.</summary>
public sealed record CrashReport(int Cycles, long Acknowledged, long Lost, long UnacknowledgedButStored, long ErrorsBeforeKill, bool AllOpenedClean, TimeSpan Elapsed)
{
    public override string ToString() =>
        $"crash: {Cycles} cycles, {Acknowledged} acknowledged writes, {Lost} lost, {UnacknowledgedButStored} in flight at the kill and stored anyway, " +
        $"{ErrorsBeforeKill} errors before a kill, store opened clean every time: {AllOpenedClean}, {Elapsed.TotalSeconds:F0} s";
}

/// <summary>
/// Writers submit CreateCentre at full speed to the real server process; the server is killed
/// with SIGKILL at a random moment and restarted on the same data directory; every write it had
/// acknowledged must still be there, and the store must open clean (the server starts, answers,
/// and its audit chain verifies). Repeated for <c>cycles</c>.
/// </summary>
public static class CrashTest
{
    public static async Task<CrashReport> RunAsync(int cycles, int writers = 8, int minKillMs = 300, int maxKillMs = 1500,
        string durability = "Flush", int? seed = null, TextWriter? log = null, string? dataDirectory = null)
    {
        log ??= TextWriter.Null;
        var random = seed is null ? new Random() : new Random(seed.Value);
        var data = dataDirectory ?? Path.Combine(Path.GetTempPath(), "contact-crash", Guid.NewGuid().ToString("N"));
        var durabilityArg = $"--Contact:Storage:Durability={durability}";
        var acknowledged = new ConcurrentDictionary<string, int>(); // centre resource name -> cycle
        var inFlight = new ConcurrentDictionary<string, byte>();     // display names sent without an answer
        long lost = 0, strays = 0, errors = 0;
        var clean = true;
        var clock = Stopwatch.StartNew();
        var keys = (Dictionary<string, string>?)null;

        for (var cycle = 0; cycle <= cycles; cycle++)
        {
            await using var server = await ServerProcess.StartAsync(data, cycle == 0 ? ["--demo", durabilityArg] : [durabilityArg]);
            keys ??= server.DemoKeys();
            using var naccc = new ContactClient(server.Address, keys["naccc"]);
            using var auditor = new ContactClient(server.Address, keys["auditor"]);

            // Verify what the previous cycles acknowledged.
            if (cycle > 0)
            {
                var stored = await AllCentresAsync(naccc);
                var missing = acknowledged.Keys.Where(name => !stored.ContainsKey(name)).ToList();
                lost += missing.Count;
                foreach (var name in missing) acknowledged.TryRemove(name, out _); // count each loss once
                var storedNames = stored.Values.ToHashSet();
                strays += inFlight.Keys.Count(storedNames.Contains);
                inFlight.Clear();
                var chain = await auditor.Audit.VerifyAuditChainAsync(new VerifyAuditChainRequest());
                if (!chain.Intact) clean = false;
                log.WriteLine($"cycle {cycle}: restarted; {stored.Count} centres stored, {missing.Count} acknowledged missing, audit chain intact: {chain.Intact}");
            }
            if (cycle == cycles) break;

            // Write at full speed until the kill.
            using var stop = new CancellationTokenSource();
            // One Random per writer (Random is not thread-safe), seeded from the run's, so a seed still repeats a run.
            var salts = Enumerable.Range(0, writers).Select(_ => new Random(random.Next())).ToArray();
            var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
            {
                for (var seq = 0; !stop.IsCancellationRequested; seq++)
                {
                    var display = $"Crash {cycle}-{w}-{seq}";
                    inFlight[display] = 0;
                    try
                    {
                        var centre = await naccc.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Synthetic.Centre(display, salts[w].Next()) });
                        acknowledged[centre.Name] = cycle;
                        inFlight.TryRemove(display, out _);
                    }
                    catch (RpcException) when (stop.IsCancellationRequested || server.HasExited)
                    {
                        return;
                    }
                    catch (RpcException ex)
                    {
                        if (Interlocked.Increment(ref errors) <= 5) log.WriteLine($"cycle {cycle}: write error before the kill: {ex.Status}");
                        inFlight.TryRemove(display, out _);
                    }
                }
            })).ToList();

            await Task.Delay(random.Next(minKillMs, maxKillMs));
            stop.Cancel();
            await server.KillAsync();
            await Task.WhenAll(tasks);
        }

        if (dataDirectory is null) TryDelete(data);
        return new CrashReport(cycles, acknowledged.Count + lost, lost, strays, errors, clean, clock.Elapsed);
    }

    /// <summary>Resource name -> display name of every centre.</summary>
    private static async Task<Dictionary<string, string>> AllCentresAsync(ContactClient client)
    {
        var all = new Dictionary<string, string>();
        var token = "";
        do
        {
            var page = await client.Register.ListCentresAsync(new ListCentresRequest { PageSize = 500, PageToken = token });
            foreach (var c in page.Centres) all[c.Name] = c.DisplayName;
            token = page.NextPageToken;
        } while (token != "");
        return all;
    }

    private static void TryDelete(string directory)
    {
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
