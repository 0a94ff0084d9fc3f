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
    public string Address { get; }
    public string DataDirectory { get; }

    private ServerProcess(Process process, string address, string dataDirectory) => (_process, Address, DataDirectory) = (process, address, dataDirectory);

    public static async Task<ServerProcess> StartAsync(string dataDirectory, params string[] extraArgs)
    {
        var dll = ServerDll();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0", $"--Contact:Storage:DataDirectory={dataDirectory}" }.Concat(extraArgs))
            info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && Regex.Match(e.Data, @"Now listening on: (https?://127\.0\.0\.1:\d+)") is { Success: true } m) listening.TrySetResult(m.Groups[1].Value);
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The server exited with {process.ExitCode}."));
        var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return new ServerProcess(process, address, dataDirectory);
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
}
