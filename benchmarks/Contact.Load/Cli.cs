using Google.Protobuf;

namespace Contact.Load;

/// <summary>
/// dotnet run --project benchmarks/Contact.Load -c Release -- COMMAND [--option value]...
///   load   [--scenario lookups|writes|NAME] [--concurrency 16] [--duration 10 | --count N] [--warmup 2] [--target http://127.0.0.1:PORT --key KEY]
///   crash  [--cycles 50] [--writers 8] [--durability Flush|None] [--seed N]
///   fuzz   [--rounds 20]
///   soak   [--minutes 10] [--concurrency 8]
///   grpc-frame --scenario lookups|postcode|empty|health --out FILE     (request bodies for h2load)
///   onspd  --out FILE [--rows 2700000] [--terminated-share 0]           (synthetic ONSPD-layout CSV)
///   import-postcodes --target URL --key NCT_KEY --file CSV [--server-pid PID]
/// Without --target the harness starts its own server (demo register) on a free loopback port.
/// </summary>
public static class Cli
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        var options = Options.Parse(args.Skip(1));
        try
        {
            switch (args[0])
            {
                case "crash":
                    var report = await CrashTest.RunAsync(options.Int("cycles", 50), options.Int("writers", 8),
                        durability: options.Text("durability", "Flush"), seed: options.IntOrNull("seed"), log: Console.Out);
                    Console.WriteLine(report);
                    return report.Lost == 0 && report.AllOpenedClean ? 0 : 1;
                case "fuzz":
                    var fuzz = await Fuzz.RunAsync(options.Int("rounds", 20), options.Int("seed", 1), Console.Out);
                    Console.WriteLine(fuzz);
                    return fuzz.Passed ? 0 : 1;
                case "fuzz-fields":
                    var fields = await Fuzz.FieldsAsync(Console.Out, options.Int("parallel", 4));
                    Console.WriteLine(fields);
                    return fields.Passed ? 0 : 1;
                case "grpc-frame":
                    // The length-prefixed gRPC message body for h2load -d (see benchmarks/h2load.sh).
                    var message = options.Text("scenario", "lookups") switch
                    {
                        "lookups" => Scenarios.Lookups.Request(new Random(1)).ToByteArray(),
                        // The nearest-centres baseline: 10 results from a postcode, the default (SUMMARY) view unless --view.
                        "postcode" => new Contact.V1.FindNearestCentresRequest
                        {
                            Postcode = options.Text("postcode", "LS1 4AP"), ContactType = Contact.V1.ContactType.Supported, Limit = 10,
                            View = Enum.Parse<Contact.V1.CentreView>(options.Text("view", "Unspecified"), ignoreCase: true),
                        }.ToByteArray(),
                        "empty" or "health" => [],
                        var other => throw new ArgumentException($"grpc-frame knows lookups, postcode, empty and health, not '{other}'."),
                    };
                    await File.WriteAllBytesAsync(options.TextOrNull("out") ?? throw new ArgumentException("--out FILE is required."), Fuzz.Frame(message));
                    return 0;
                case "onspd":
                {
                    var file = options.TextOrNull("out") ?? throw new ArgumentException("--out FILE is required.");
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    await using var writer = new StreamWriter(file, false, new System.Text.UTF8Encoding(false), 1 << 20);
                    var rows = (long)options.Double("rows", 2_700_000);
                    var live = SyntheticOnspd.Write(writer, rows, options.Double("terminated-share", 0), options.Int("seed", 1),
                        options.Text("towns", "server/Contact.Server/Demo/towns.csv"));
                    await writer.FlushAsync();
                    Console.WriteLine($"wrote {rows:N0} ONSPD-layout rows ({live:N0} live) to {file}: {new FileInfo(file).Length / 1048576.0:0} MB in {clock.Elapsed.TotalSeconds:0.0} s");
                    return 0;
                }
                case "import-postcodes":
                    return await SyntheticOnspd.ImportAsync(options.TextOrNull("target") ?? throw new ArgumentException("--target URL is required."),
                        options.TextOrNull("key") ?? throw new ArgumentException("--key KEY (an NCT operator's) is required."),
                        options.TextOrNull("file") ?? throw new ArgumentException("--file CSV is required."), Console.Out, options.IntOrNull("server-pid"));
                case "load":
                    return await LoadAsync(options);
                case "soak":
                    return await SoakAsync(options);
                default:
                    Console.Error.WriteLine($"Unknown command '{args[0]}'.{Environment.NewLine}{Usage}");
                    return 2;
            }
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }
    }

    private static async Task<int> LoadAsync(Options options)
    {
        var scenario = Scenarios.Get(options.Text("scenario", "lookups"));
        var settings = new LoadSettings(options.Int("concurrency", 16),
            TimeSpan.FromSeconds(Math.Min(options.Double("duration", 10), 600)),
            options.IntOrNull("count"),
            TimeSpan.FromSeconds(options.Double("warmup", 2)),
            TimeSpan.FromSeconds(Math.Min(options.Double("max-seconds", 120), 600)));
        await using var target = await Target.OpenAsync(options);
        Console.WriteLine($"scenario {scenario.Name}: {scenario.Description}; target {target.Context.Address}");
        var result = await LoadRunner.RunAsync(scenario, target.Context, settings);
        Console.WriteLine(result);
        if (target.Context.TakeServerTimings() is { Length: > 0 } handler)
            Console.WriteLine($"server-side handler time: p50 {LoadRunner.Percentile(handler, 0.5):F3} ms  p99 {LoadRunner.Percentile(handler, 0.99):F3} ms");
        if (target.Server is { } server) Console.WriteLine($"server peak memory (VmHWM): {server.PeakMemoryMiB():F0} MiB");
        return result.Errors == 0 ? 0 : 1;
    }

    /// <summary>A bounded mixed load; samples the server's memory and open handles to show they stay flat.</summary>
    private static async Task<int> SoakAsync(Options options)
    {
        var minutes = Math.Min(options.Double("minutes", 10), 60);
        await using var target = await Target.OpenAsync(options, requireOwnServer: true);
        var server = target.Server!;
        var scenario = Scenarios.Get(options.Text("scenario", "steady"));
        Console.WriteLine($"soak: {scenario.Name} for {minutes} min, target {target.Context.Address}");
        var samples = new List<(double Minute, double? RssMiB, int? Handles)>();
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!stop.IsCancellationRequested)
            {
                var sample = (clock.Elapsed.TotalMinutes, server.ResidentMemoryMiB(), server.OpenHandles());
                samples.Add(sample);
                Console.WriteLine($"  t={sample.Item1,5:F1} min  rss {sample.Item2,6:F0} MiB  handles {sample.Item3}");
                try { await Task.Delay(TimeSpan.FromSeconds(30), stop.Token); } catch (OperationCanceledException) { }
            }
        });
        var result = await LoadRunner.RunAsync(scenario, target.Context,
            new LoadSettings(options.Int("concurrency", 8), TimeSpan.FromMinutes(minutes), Warmup: TimeSpan.FromSeconds(5)));
        stop.Cancel();
        await sampler;
        Console.WriteLine(result);
        // Flat: the second half of the run grows neither memory nor handles beyond noise.
        var half = samples.Where(s => s.Minute >= minutes / 2).ToList();
        var rssGrowth = half.Count < 2 ? 0 : (half[^1].RssMiB ?? 0) - (half[0].RssMiB ?? 0);
        var handleGrowth = half.Count < 2 ? 0 : (half[^1].Handles ?? 0) - (half[0].Handles ?? 0);
        Console.WriteLine($"second half: rss {rssGrowth:+0;-0;0} MiB, handles {handleGrowth:+0;-0;0}; peak memory (VmHWM) {server.PeakMemoryMiB():F0} MiB");
        return result.Errors == 0 && rssGrowth < 64 && handleGrowth < 20 ? 0 : 1;
    }

    private static string Usage => """
        Contact load, crash and fuzz harness (loopback only).
          load   [--scenario NAME] [--concurrency 16] [--duration 10 | --count N] [--warmup 2] [--target URL --key KEY]
          crash  [--cycles 50] [--writers 8] [--durability Flush|None] [--seed N]
          fuzz   [--rounds 20]
          soak   [--minutes 10] [--concurrency 8]
          grpc-frame --scenario lookups|postcode|empty|health --out FILE [--postcode "LS1 4AP"] [--view Summary|Basic|Full]
          onspd  --out FILE [--rows 2700000] [--terminated-share 0] [--seed 1]   (synthetic ONSPD-layout CSV)
          import-postcodes --target URL --key NCT_KEY --file CSV [--server-pid PID]
        """;
}

/// <summary>The server under load: one started here on loopback (demo register), or --target with --key.</summary>
public sealed class Target : IAsyncDisposable
{
    private readonly string? _ownData;

    private Target(LoadContext context, ServerProcess? server, string? ownData) => (Context, Server, _ownData) = (context, server, ownData);

    public LoadContext Context { get; }
    public ServerProcess? Server { get; }

    public static async Task<Target> OpenAsync(Options options, bool requireOwnServer = false)
    {
        if (options.TextOrNull("target") is { } address && !requireOwnServer)
        {
            Loopback.Require(address);
            var key = options.TextOrNull("key") ?? throw new ArgumentException("--target needs --key (an API key; every demo role uses it).");
            var keys = new[] { "practitioner", "naccc", "nct", "call-centre", "case-system", "auditor", "contact-centre" }.ToDictionary(r => r, _ => key);
            return new Target(new LoadContext(address, keys), null, null);
        }
        var data = Path.Combine(Path.GetTempPath(), "contact-load", Guid.NewGuid().ToString("N"));
        var server = await ServerProcess.StartAsync(data, "--demo", "--Contact:ServerTiming=true");
        return new Target(new LoadContext(server.Address, server.DemoKeys()), server, data);
    }

    public async ValueTask DisposeAsync()
    {
        Context.Dispose();
        if (Server is not null) await Server.DisposeAsync();
        if (_ownData is not null) try { Directory.Delete(_ownData, recursive: true); } catch (IOException) { }
    }
}

/// <summary>"--name value" pairs.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public static Options Parse(IEnumerable<string> args)
    {
        var options = new Options();
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Unexpected argument '{list[i]}'.");
            var name = list[i][2..];
            options._values[name] = i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal) ? list[++i] : "true";
        }
        return options;
    }

    public bool Flag(string name) => _values.TryGetValue(name, out var v) && v != "false";
    public string Text(string name, string fallback) => _values.GetValueOrDefault(name, fallback);
    public string? TextOrNull(string name) => _values.GetValueOrDefault(name);
    public int Int(string name, int fallback) => IntOrNull(name) ?? fallback;
    public int? IntOrNull(string name) => _values.TryGetValue(name, out var v)
        ? int.TryParse(v, out var n) && n >= 0 ? n : throw new ArgumentException($"--{name} wants a whole number, not '{v}'.")
        : null;
    public double Double(string name, double fallback) => _values.TryGetValue(name, out var v)
        ? double.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var d) && d >= 0 ? d : throw new ArgumentException($"--{name} wants a number, not '{v}'.")
        : fallback;
}
