using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Contact.Load;

/// <summary>
/// The real server process on a free loopback port, started by the harness, so that it can be
/// measured (peak memory) and killed with SIGKILL. Only the process started here is ever killed.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, string address, string dataDirectory) => (_process, Address, DataDirectory) = (process, address, dataDirectory);

    public string Address { get; }
    public string DataDirectory { get; }
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;

    public static async Task<ServerProcess> StartAsync(string dataDirectory, params string[] extraArgs)
    {
        var dll = ServerDll();
        if (!File.Exists(dll)) throw new FileNotFoundException($"Build the server first (dotnet build -c {BuildConfiguration()}): {dll} is missing.");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0", "--Kestrel:Endpoints:Grpc:Protocols=Http2", "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:0", $"--Contact:Storage:DataDirectory={dataDirectory}", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information" }.Concat(extraArgs))
            info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new List<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && Regex.Match(e.Data, @"Now listening on: (http://127\.0\.0\.1:\d+)") is { Success: true } m) listening.TrySetResult(m.Groups[1].Value);
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
            var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
            return new ServerProcess(process, address, dataDirectory);
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

    /// <summary>Open file descriptors of the server (Linux), for soak checks.</summary>
    public int? OpenHandles()
    {
        try { return Directory.GetFiles($"/proc/{_process.Id}/fd").Length; }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    public double? ResidentMemoryMiB() => ReadStatusKiB("VmRSS") / 1024.0;

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

    private bool _disposed;

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

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Contact.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Contact.sln not found above the harness.");
    }

    public static string ServerDll() => Path.Combine(RepoRoot(), "server", "Contact.Server", "bin", BuildConfiguration(), "net10.0", "Contact.Server.dll");

    private static string BuildConfiguration() =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    /// <summary>Throws unless <paramref name="address"/> is a loopback address: load never leaves the machine.</summary>
    public static Uri RequireLoopback(string address)
    {
        var uri = new Uri(address);
        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        if (!loopback) throw new ArgumentException($"Refusing target {address}: load, crash and fuzz runs are for loopback addresses only.");
        return uri;
    }
}
