using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Contact.Client;
using Contact.V1;

namespace Contact.Tests.EndToEnd;

/// <summary>Starts the real server process on a free loopback port and calls it with the SDK.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    /// <summary>The gRPC endpoint (HTTP/2 without TLS).</summary>
    public string Address { get; }
    /// <summary>The HTTP/1.1 endpoint: JSON transcoding, the Open Referral feed, health, metrics.</summary>
    public string HttpAddress { get; }
    public string DataDirectory { get; }

    private ServerProcess(Process process, string address, string httpAddress, string dataDirectory) =>
        (_process, Address, HttpAddress, DataDirectory) = (process, address, httpAddress, dataDirectory);

    public static async Task<ServerProcess> StartAsync(string dataDirectory, params string[] extraArgs)
    {
        var dll = ServerDll();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Kestrel binds the endpoints in the order of their configuration keys: "Grpc", then "Http".
        foreach (var arg in new[] { dll, "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0", "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:0", $"--Contact:Storage:DataDirectory={dataDirectory}" }.Concat(extraArgs))
            info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        var listening = new TaskCompletionSource<string[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var addresses = new List<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null || Regex.Match(e.Data, @"Now listening on: (https?://127\.0\.0\.1:\d+)") is not { Success: true } m) return;
            lock (addresses)
            {
                addresses.Add(m.Groups[1].Value);
                if (addresses.Count == 2) listening.TrySetResult([.. addresses]);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The server exited with {process.ExitCode}."));
        var bound = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return new ServerProcess(process, bound[0], bound[1], dataDirectory);
    }

    public int ProcessId => _process.Id;

    /// <summary>The built server, in the test run's configuration.</summary>
    public static string ServerDll()
    {
        var dll = Path.Combine(RepoRoot(), "server", "Contact.Server", "bin", BuildConfiguration(), "net10.0", "Contact.Server.dll");
        Assert.True(File.Exists(dll), $"Build the server first: {dll} is missing.");
        return dll;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Contact.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Contact.sln not found above the test assembly.");
    }

    private static string BuildConfiguration() =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
}

public class ServerProcessTests
{
    [Fact]
    public async Task The_demo_server_finds_the_nearest_accredited_supervised_centres_to_a_postcode()
    {
        var data = Path.Combine(Path.GetTempPath(), "contact-e2e", Guid.NewGuid().ToString("N"));
        await using var server = await ServerProcess.StartAsync(data, "--demo");
        var keys = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(Path.Combine(data, "demo-keys.json")))!;

        using var client = new ContactClient(server.Address, keys["practitioner"]);
        var found = await client.Register.FindNearestCentresAsync(new FindNearestCentresRequest
        {
            Postcode = "LS1 4AP", ContactType = ContactType.Supervised, CommissionedOnly = true, MaxDistanceKm = 80,
        });
        Assert.NotEmpty(found.Results);
        Assert.All(found.Results, r =>
        {
            Assert.True(r.Centre.Demo);
            Assert.True(r.Centre.Commissioning.CommissionedNow);
            Assert.True(r.DistanceKm <= 80);
        });
    }

    [Fact]
    public async Task The_real_server_speaks_grpc_over_h2c_and_json_over_http_1_1_on_its_two_endpoints()
    {
        var data = Path.Combine(Path.GetTempPath(), "contact-e2e", Guid.NewGuid().ToString("N"));
        await using var server = await ServerProcess.StartAsync(data, "--demo");
        var keys = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(Path.Combine(data, "demo-keys.json")))!;

        using var client = new ContactClient(server.Address, keys["call-centre"]);
        var looked = await client.Postcodes.LookupPostcodeAsync(new LookupPostcodeRequest { Postcode = "LS1 4AP" });

        using var http = new HttpClient { BaseAddress = new Uri(server.HttpAddress), DefaultRequestVersion = System.Net.HttpVersion.Version11 };
        http.DefaultRequestHeaders.Authorization = new("Bearer", keys["call-centre"]);
        using var response = await http.GetAsync("/v1/postcodes/LS1%204AP");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Version(1, 1), response.Version);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(looked.Location.Latitude, json.RootElement.GetProperty("location").GetProperty("latitude").GetDouble());
    }
}
