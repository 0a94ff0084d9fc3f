using Contact.Server.Security;
using Contact.Server.Storage;
using Grpc.Core;
using Grpc.Net.Client;
using V1 = Contact.V1;

namespace Contact.Server.Hosting;

/// <summary>
/// The server's one-off commands. They open the store themselves, so the server must not be
/// running on the same store (LiteDB holds the file exclusively).
/// </summary>
public static class Commands
{
    private static readonly string[] Known = ["bootstrap-key", "verify-audit", "backup", "restore", "openapi"];

    /// <summary>
    /// Separates a leading command and its operands (e.g. a name, a file) from the configuration
    /// arguments, which must then take the "--key=value" form; "--demo" becomes Contact:Demo=true.
    /// Operands never reach the configuration: "/path" would read as a "--path" key there.
    /// </summary>
    public static (string? Command, string[] Operands, string[] Arguments) Split(string[] args)
    {
        var rest = args.Select(a => a == "--demo" ? "--Contact:Demo=true" : a).ToList();
        if (rest.Count == 0 || !Known.Contains(rest[0])) return (null, [], rest.ToArray());
        var arguments = rest.Skip(1).ToList();
        return (rest[0], arguments.Where(a => !a.StartsWith("--")).ToArray(), arguments.Where(a => a.StartsWith("--")).ToArray());
    }

    public static async Task<int> RunAsync(string command, string[] operands, WebApplicationBuilder builder)
    {
        // Standard output carries only the command's result (a key, a file name), for scripts.
        builder.Logging.ClearProviders().AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        using var services = builder.Services.BuildServiceProvider();
        try
        {
            return command switch
            {
                "bootstrap-key" => await BootstrapKeyAsync(services, operands.FirstOrDefault() ?? "NCT operator"),
                "verify-audit" => VerifyAudit(services),
                "backup" => await BackupAsync(operands.FirstOrDefault() ?? builder.Configuration["Kestrel:Endpoints:Grpc:Url"] ?? "http://127.0.0.1:5080"),
                "restore" => Restore(services, operands.FirstOrDefault()),
                _ => 2,
            };
        }
        catch (Exception ex) when (ex is StoreOpenException or SecretsException or IOException or RpcException)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }

    /// <summary>
    /// Issues the first NCT operator key of a store and prints it once. Refused when a live NCT key
    /// exists already: further keys are issued through AccessService.IssueApiKey.
    /// </summary>
    private static async Task<int> BootstrapKeyAsync(IServiceProvider services, string name)
    {
        var credentials = services.GetRequiredService<Credentials>();
        if (credentials.HasActiveNctKey())
        {
            Console.Error.WriteLine("This store already has a live NCT operator key; issue further keys with AccessService.IssueApiKey.");
            return 1;
        }
        var issued = await credentials.IssueAsync(name, [Role.NctOperator], null, null, Credentials.DefaultValidDays,
            Principal.System, CallAudit.System("bootstrap-key"), services.GetRequiredService<AuditTrail>());
        Console.WriteLine(issued.Secret);
        Console.Error.WriteLine($"Issued NCT operator key apiKeys/{issued.Record.Id} for \"{name}\", valid until {issued.Record.Expires:yyyy-MM-dd}. It is shown once: keep it safe.");
        return 0;
    }

    private static int VerifyAudit(IServiceProvider services)
    {
        var result = services.GetRequiredService<AuditTrail>().Verify();
        if (result.Intact)
        {
            Console.WriteLine($"Audit chain intact: {result.EntriesChecked} entries verified.");
            return 0;
        }
        Console.WriteLine($"Audit chain BROKEN at entry {result.FirstBrokenSequence}: {result.Problem} ({result.EntriesChecked} entries verified before it).");
        return 3;
    }

    /// <summary>
    /// Asks the running server for an online backup (StoreService.CreateBackup) with an NCT key from
    /// CONTACT_API_KEY, at the given address or else the configured listener.
    /// </summary>
    private static async Task<int> BackupAsync(string address)
    {
        var key = Environment.GetEnvironmentVariable("CONTACT_API_KEY");
        if (string.IsNullOrWhiteSpace(key))
        {
            Console.Error.WriteLine("Set CONTACT_API_KEY to an NCT operator key.");
            return 2;
        }
        using var channel = GrpcChannel.ForAddress(address);
        var created = await new V1.StoreService.StoreServiceClient(channel).CreateBackupAsync(new V1.CreateBackupRequest(),
            new Metadata { { "authorization", "Bearer " + key.Trim() } }, deadline: DateTime.UtcNow.AddMinutes(10));
        Console.WriteLine(created.FileName);
        Console.Error.WriteLine($"Backup {Backups.FolderName}/{created.FileName} written ({created.SizeBytes:N0} bytes, audit entry {created.AuditSequence}).");
        return 0;
    }

    /// <summary>Puts a backup in place of the store (server stopped; the same data key). See <see cref="Backups.Restore"/>.</summary>
    private static int Restore(IServiceProvider services, string? backupFile)
    {
        if (backupFile is null)
        {
            Console.Error.WriteLine("Usage: restore <backup file>");
            return 2;
        }
        var options = services.GetRequiredService<ContactOptions>();
        var keyFile = options.Secrets.KeyFile ?? Path.Combine(options.Storage.DataDirectory, "contact.key");
        if (string.IsNullOrWhiteSpace(options.Secrets.DataKey) && !File.Exists(keyFile))
        {
            Console.Error.WriteLine("A backup opens only with the data key it was made with: set Contact:Secrets:DataKey " +
                "(environment Contact__Secrets__DataKey) or Contact:Secrets:KeyFile.");
            return 1;
        }
        var replaced = Backups.Restore(options.Storage, services.GetRequiredService<Secrets>(), backupFile);
        Console.Error.WriteLine($"Restored {backupFile} to {options.Storage.DisplayPath}; its audit chain verifies." +
            (replaced.Length > 0 ? $" The store it replaced is kept as {replaced}." : ""));
        return 0;
    }
}
