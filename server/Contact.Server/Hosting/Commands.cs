using Contact.Server.Security;
using Contact.Server.Storage;
using Grpc.Core;
using Grpc.Net.Client;
using V1 = Contact.V1;

namespace Contact.Server.Hosting;

/// <summary>
/// The server's one-off commands (see <see cref="ServerCommandLine"/>). Those that open the store
/// need the server stopped (LiteDB holds the file exclusively). None shows a stack trace: every
/// failure is one line on standard error and an exit code from <see cref="ExitCodes"/>.
/// </summary>
public static class Commands
{
    /// <summary>
    /// Issues the first NCT operator key of a store and prints it once. Refused when a live NCT key
    /// exists already: further keys are issued through AccessService.IssueApiKey.
    /// </summary>
    public static Task<int> BootstrapKeyAsync(WebApplicationBuilder builder, string name) => RunAsync(builder, async services =>
    {
        var credentials = services.GetRequiredService<Credentials>();
        if (credentials.HasActiveNctKey())
        {
            Console.Error.WriteLine("This store already has a live NCT operator key; issue further keys with AccessService.IssueApiKey.");
            return ExitCodes.Failed;
        }
        var issued = await credentials.IssueAsync(name, [Role.NctOperator], null, null, Credentials.DefaultValidDays,
            Principal.System, CallAudit.System("bootstrap-key"), services.GetRequiredService<AuditTrail>());
        Console.WriteLine(issued.Secret);
        Console.Error.WriteLine($"Issued NCT operator key apiKeys/{issued.Record.Id} for \"{name}\", valid until {issued.Record.Expires:yyyy-MM-dd}. It is shown once: keep it safe.");
        return ExitCodes.Ok;
    });

    /// <summary>Verifies the audit chain of a stopped store, opened read-only so that a damaged file is never written to.</summary>
    public static int VerifyAudit(WebApplicationBuilder builder) => Run(builder, services =>
    {
        var (options, report) = Check(services, full: false);
        if (report.Audit is null)
        {
            Console.Error.WriteLine(report.Findings[0]);
            return ExitCodes.StoreDamaged;
        }
        Console.WriteLine(StoreCheck.Describe(report.Audit));
        return Exit(report, options);
    });

    /// <summary>Checks a stopped store read-only: LiteDB's own reading of every document and index, then the audit chain.</summary>
    public static int CheckStore(WebApplicationBuilder builder) => Run(builder, services =>
    {
        var (options, report) = Check(services, full: true);
        Console.WriteLine($"Store {options.Storage.DisplayPath}:");
        foreach (var finding in report.Findings) Console.WriteLine("  " + finding);
        Console.WriteLine(report.Result switch
        {
            StoreCheck.Outcome.Intact => "Result: intact.",
            StoreCheck.Outcome.AuditBroken => "Result: the audit chain is BROKEN (entries edited or deleted): restore the newest backup that verifies, and investigate.",
            _ => "Result: the store is DAMAGED: restore the newest backup that verifies (check it first with check-store on a copy).",
        });
        return Exit(report, options);
    });

    private static (ContactOptions Options, StoreCheck.Report Report) Check(IServiceProvider services, bool full)
    {
        var options = services.GetRequiredService<ContactOptions>();
        var secrets = services.GetRequiredService<Secrets>();
        var storage = options.Storage;
        return (options, StoreCheck.Run(storage.ResolvePath(), storage.DisplayPath, storage.Password ?? secrets.StoragePassword, secrets, full));
    }

    private static int Exit(StoreCheck.Report report, ContactOptions options)
    {
        if (report.Result == StoreCheck.Outcome.Damaged)
            Console.Error.WriteLine($"The store '{options.Storage.DisplayPath}' is damaged: restore the newest backup that verifies (the restore command).");
        return report.Result switch
        {
            StoreCheck.Outcome.Intact => ExitCodes.Ok,
            StoreCheck.Outcome.AuditBroken => ExitCodes.AuditBroken,
            _ => ExitCodes.StoreDamaged,
        };
    }

    /// <summary>
    /// Asks the running server for an online backup (StoreService.CreateBackup) with an NCT key from
    /// CONTACT_API_KEY, at the given address.
    /// </summary>
    public static async Task<int> BackupAsync(string address)
    {
        var key = Environment.GetEnvironmentVariable("CONTACT_API_KEY");
        if (string.IsNullOrWhiteSpace(key))
        {
            Console.Error.WriteLine("Set CONTACT_API_KEY to an NCT operator key.");
            return ExitCodes.Usage;
        }
        try
        {
            using var channel = GrpcChannel.ForAddress(address);
            var created = await new V1.StoreService.StoreServiceClient(channel).CreateBackupAsync(new V1.CreateBackupRequest(),
                new Metadata { { "authorization", "Bearer " + key.Trim() } }, deadline: DateTime.UtcNow.AddMinutes(10));
            Console.WriteLine(created.FileName);
            Console.Error.WriteLine($"Backup {Backups.FolderName}/{created.FileName} written ({created.SizeBytes:N0} bytes, audit entry {created.AuditSequence}).");
            return ExitCodes.Ok;
        }
        catch (RpcException ex)
        {
            Console.Error.WriteLine($"The server at {address} did not make a backup: {ex.StatusCode}: {OneLine(ex.Status.Detail)}");
            return ExitCodes.Failed;
        }
        catch (Exception ex) when (ex is UriFormatException or InvalidOperationException or HttpRequestException)
        {
            Console.Error.WriteLine($"No backup: cannot call a server at '{address}' ({OneLine(ex.Message)}).");
            return ExitCodes.Failed;
        }
    }

    /// <summary>Puts a backup in place of the store (server stopped; the same data key). See <see cref="Backups.Restore"/>.</summary>
    public static int Restore(WebApplicationBuilder builder, string backupFile) => Run(builder, services =>
    {
        var options = services.GetRequiredService<ContactOptions>();
        var keyFile = options.Secrets.KeyFile ?? Path.Combine(options.Storage.DataDirectory, "contact.key");
        if (string.IsNullOrWhiteSpace(options.Secrets.DataKey) && !File.Exists(keyFile))
        {
            Console.Error.WriteLine("A backup opens only with the data key it was made with: set Contact:Secrets:DataKey " +
                "(environment Contact__Secrets__DataKey) or Contact:Secrets:KeyFile.");
            return ExitCodes.Failed;
        }
        var replaced = Backups.Restore(options.Storage, services.GetRequiredService<Secrets>(), backupFile);
        Console.Error.WriteLine($"Restored {backupFile} to {options.Storage.DisplayPath}; it reads back whole and its audit chain verifies." +
            (replaced.Length > 0 ? $" The store it replaced is kept as {replaced}." : ""));
        return ExitCodes.Ok;
    });

    private static int Run(WebApplicationBuilder builder, Func<IServiceProvider, int> command) =>
        RunAsync(builder, services => Task.FromResult(command(services))).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(WebApplicationBuilder builder, Func<IServiceProvider, Task<int>> command)
    {
        // Standard output carries only the command's result (a key, a file name, a report), for scripts.
        builder.Logging.ClearProviders().AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        try
        {
            await using var services = builder.Services.BuildServiceProvider();
            return await command(services);
        }
        catch (Exception ex) when (StoreDamagedException.IsDamage(ex))
        {
            Console.Error.WriteLine(ex is StoreDamagedException ? ex.Message : new StoreDamagedException(builder.Configuration["Contact:Storage:DataDirectory"] ?? "data", ex).Message);
            return ExitCodes.StoreDamaged;
        }
        catch (Exception ex) when (ex is StoreOpenException or SecretsException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(OneLine(ex.Message));
            return ExitCodes.Failed;
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
