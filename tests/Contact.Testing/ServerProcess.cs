using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Contact.Testing;

/// <summary>
/// The real, built server process on loopback ports, for end-to-end tests, the console's restart
/// test and the load, crash and fuzz harness (one copy, linked into each). By default both
/// endpoints take a free port; pass "--Kestrel:Endpoints:Grpc:Url=..." to choose one (a later
/// argument wins). Only the process started here is ever stopped or killed.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _errors;
    private bool _disposed;

    private ServerProcess(Process process, string address, string httpAddress, string dataDirectory, List<string> errors) =>
        (_process, Address, HttpAddress, DataDirectory, _errors) = (process, address, httpAddress, dataDirectory, errors);

    /// <summary>The first 50 lines the server wrote, listening lines aside (logs at Warning and up by default), to say why a call failed.</summary>
    public string ErrorOutput { get { lock (_errors) return string.Join(Environment.NewLine, _errors); } }

    /// <summary>The gRPC endpoint (HTTP/2; TLS when started with a certificate).</summary>
    public string Address { get; }

    /// <summary>The HTTP/1.1 endpoint: JSON transcoding, the Open Referral feed, health, metrics.</summary>
    public string HttpAddress { get; }

    public string DataDirectory { get; }
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;

    public static async Task<ServerProcess> StartAsync(string dataDirectory, params string[] extraArgs)
    {
        var dll = ServerDll();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] defaults =
        [
            dll, "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0", "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:0",
            $"--Contact:Storage:DataDirectory={dataDirectory}",
            "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
        ];
        foreach (var arg in defaults.Concat(extraArgs)) info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;

        // Kestrel binds the endpoints in the order of their configuration keys: "Grpc", then "Http".
        var listening = new TaskCompletionSource<string[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var addresses = new List<string>();
        var errors = new List<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            if (Regex.Match(e.Data, @"Now listening on: (https?://127\.0\.0\.1:\d+)") is not { Success: true } m)
            {
                lock (errors) if (errors.Count < 50) errors.Add(e.Data);
                return;
            }
            lock (addresses)
            {
                addresses.Add(m.Groups[1].Value);
                if (addresses.Count == 2) listening.TrySetResult([.. addresses]);
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errors) if (errors.Count < 50) errors.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) =>
        {
            lock (errors) listening.TrySetException(new InvalidOperationException($"The server exited with {process.ExitCode}: {string.Join(Environment.NewLine, errors)}"));
        };
        try
        {
            var bound = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
            return new ServerProcess(process, bound[0], bound[1], dataDirectory, errors);
        }
        catch
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>The demo keys the server wrote on its first start with --demo.</summary>
    public Dictionary<string, string> DemoKeys() =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(DataDirectory, "demo-keys.json")))!;

    /// <summary>Peak resident memory of the server so far (VmHWM), in MiB; null where /proc is missing.</summary>
    public double? PeakMemoryMiB() => ReadStatusKiB("VmHWM") / 1024.0;

    public double? ResidentMemoryMiB() => ReadStatusKiB("VmRSS") / 1024.0;

    /// <summary>CPU time the server has used so far (user and system), to split a benchmark's cost between server and client.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>Open file descriptors of the server (Linux), for soak checks.</summary>
    public int? OpenHandles()
    {
        try { return Directory.GetFiles($"/proc/{_process.Id}/fd").Length; }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    private long? ReadStatusKiB(string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return line is null ? null : long.Parse(Regex.Match(line, @"\d+").Value);
        }
        catch (IOException) { return null; }
    }

    /// <summary>SIGKILL: no shutdown hooks, no final checkpoint - a crash.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    /// <summary>The built server, in the caller's build configuration.</summary>
    public static string ServerDll()
    {
        var dll = Path.Combine(RepoRoot(), "server", "Contact.Server", "bin", BuildConfiguration(), "net10.0", "Contact.Server.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the server first (dotnet build -c {BuildConfiguration()}): {dll} is missing.");
    }

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Contact.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Contact.sln not found above the running assembly.");
    }

    private static string BuildConfiguration() =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
}
