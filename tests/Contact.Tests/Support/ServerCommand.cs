using System.Diagnostics;

namespace Contact.Tests.Support;

/// <summary>Runs the built server executable with a one-off command (verify-audit, restore, backup) and collects its output.</summary>
public static class ServerCommand
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var dll = ServerProcess.ServerDll();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>The configuration arguments that point a command at a test store.</summary>
    public static string[] StoreArgs(string dataDirectory, string? dataKey = null) =>
        [$"--Contact:Storage:DataDirectory={dataDirectory}", $"--Contact:Secrets:DataKey={dataKey ?? TestHost.SharedDataKey}"];
}
