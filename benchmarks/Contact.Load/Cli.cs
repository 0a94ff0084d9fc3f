namespace Contact.Load;

/// <summary>
/// dotnet run --project benchmarks/Contact.Load -c Release -- COMMAND [--option value]...
///   load   [--scenario lookups|writes|NAME] [--concurrency 16] [--duration 10 | --count N] [--warmup 2] [--target http://127.0.0.1:PORT --key KEY]
///   crash  [--cycles 50] [--writers 8] [--durability Flush|None] [--seed N]
///   fuzz   [--rounds 20]
///   soak   [--minutes 10] [--concurrency 8]
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

    private static string Usage => """
        Contact load, crash and fuzz harness (loopback only).
          load   [--scenario NAME] [--concurrency 16] [--duration 10 | --count N] [--warmup 2] [--target URL --key KEY]
          crash  [--cycles 50] [--writers 8] [--durability Flush|None] [--seed N]
          fuzz   [--rounds 20]
          soak   [--minutes 10] [--concurrency 8]
        """;
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
