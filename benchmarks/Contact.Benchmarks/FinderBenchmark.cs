using System.Diagnostics;
using System.Net;
using Contact.Load;
using Contact.Testing;

namespace Contact.Benchmarks;

/// <summary>
/// The public find-a-centre page against the open feed's nearest-first list, side by side on one
/// server process with the demo register: throughput of each over plain HTTP/1.1 on
/// loopback, phases alternating (feed, page, feed, page) so that noise falls on both, and the
/// server's own render time per page (Server-Timing: postcode resolved, domain query, HTML, ETag),
/// whose p99 must stay under 5 ms. Also the bytes a first visit transfers (page + assets, Brotli).
/// dotnet run --project benchmarks/Contact.Benchmarks -c Release -- finder [--seconds 10] [--concurrency 4]
/// </summary>
public static class FinderBenchmark
{
    private static readonly string[] Districts = ["LS1 4AP", "NG1 5HJ", "CR0", "NW1", "M2", "B2", "S1", "BD1", "YO1", "NE1", "L1", "OX1", "BN1", "CV1", "HU1"];
    // The page is also searched by town (from the middle of its centres, TownGazetteer); the feed takes postcodes only.
    private static readonly string[] Places = [.. Districts, "Leeds", "Harrogate", "Newport", "Croydon", "York"];
    private static readonly string[] Kinds = ["supported", "supervised", "handover", "indirect"];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        var seconds = options.Double("seconds", 10);
        var concurrency = options.Int("concurrency", 4);
        var data = Path.Combine(Path.GetTempPath(), "contact-bench", Guid.NewGuid().ToString("N"));
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; phases of {seconds / 4} s, two of each side, concurrency {concurrency}");
        await using (var server = await ServerProcess.StartAsync(data, "--demo", "--Contact:ServerTiming=true", "--Contact:OpenReferral:PermitsPerMinute=100000000"))
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, AutomaticDecompression = DecompressionMethods.None })
            { BaseAddress = new Uri(server.HttpAddress) };
            http.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br");

            Console.WriteLine($"first visit, results page + stylesheet + script, Brotli: {await FirstVisitBytesAsync(http):N0} bytes transferred (bodies)");

            string Feed(int i) => $"/services?postcode={Uri.EscapeDataString(Districts[i % Districts.Length])}&proximity=40234&per_page=10";
            string Page(int i) => $"/find/results?postcode={Uri.EscapeDataString(Places[i % Places.Length])}&type={Kinds[i / Places.Length % Kinds.Length]}&setting=any&distance=25";
            await PhaseAsync(http, Page, 1, concurrency, null);   // warm-up: JIT, postcode districts cached
            await PhaseAsync(http, Feed, 1, concurrency, null);
            var render = new List<double>();
            var (feed, page) = (0.0, 0.0);
            // The server's CPU per request: what each costs the server, whatever else runs on the machine.
            var (feedCpu, pageCpu, feedCount, pageCount) = (TimeSpan.Zero, TimeSpan.Zero, 0.0, 0.0);
            for (var round = 0; round < 2; round++)
            {
                var cpu = server.CpuTime();
                var rate = await PhaseAsync(http, Feed, seconds / 4, concurrency, null);
                (feed, feedCpu, feedCount) = (feed + rate, feedCpu + (server.CpuTime() - cpu), feedCount + rate * seconds / 4);
                cpu = server.CpuTime();
                rate = await PhaseAsync(http, Page, seconds / 4, concurrency, render);
                (page, pageCpu, pageCount) = (page + rate, pageCpu + (server.CpuTime() - cpu), pageCount + rate * seconds / 4);
            }
            var sorted = render.Order().ToArray();
            Console.WriteLine();
            Console.WriteLine("summary");
            Console.WriteLine($"  find-a-centre results page {page / 2:F0}/s vs ORUK /services?postcode= (10 per page) {feed / 2:F0}/s = ratio {page / feed:F2}");
            Console.WriteLine($"  server CPU per request: page {pageCpu.TotalMicroseconds / pageCount:F0} µs vs feed {feedCpu.TotalMicroseconds / feedCount:F0} µs");
            Console.WriteLine($"  server render (Server-Timing) p50 {LoadRunner.Percentile(sorted, 0.5):F3} ms, p99 {LoadRunner.Percentile(sorted, 0.99):F3} ms, max {sorted[^1]:F3} ms ({sorted.Length:N0} pages)");
        }
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        return 0;
    }

    /// <summary>Requests per second over one phase, <paramref name="concurrency"/> loops at once.</summary>
    private static async Task<double> PhaseAsync(HttpClient http, Func<int, string> url, double seconds, int concurrency, List<double>? render)
    {
        var count = 0;
        var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async loop =>
        {
            for (var i = loop; Stopwatch.GetTimestamp() < until; i += concurrency)
            {
                using var response = await http.GetAsync(url(i));
                await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{url(i)}: {(int)response.StatusCode}");
                Interlocked.Increment(ref count);
                if (render is not null && response.Headers.TryGetValues("Server-Timing", out var timing))
                {
                    var ms = double.Parse(timing.Single().Split("dur=")[1], System.Globalization.CultureInfo.InvariantCulture);
                    lock (render) render.Add(ms);
                }
            }
        }));
        return count / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static async Task<long> FirstVisitBytesAsync(HttpClient http)
    {
        var page = await http.GetAsync("/find/results?postcode=LS1+4AP&type=supervised");
        var body = await page.Content.ReadAsByteArrayAsync();
        var html = await new StreamReader(new System.IO.Compression.BrotliStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress)).ReadToEndAsync();
        long total = body.Length;
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, "(?:href|src)=\"(/find/assets/[^\"]+)\""))
            total += (await http.GetByteArrayAsync(System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))).Length;
        return total;
    }
}
