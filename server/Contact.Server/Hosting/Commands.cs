using Contact.Server.Security;
using Contact.Server.Storage;

namespace Contact.Server.Hosting;

/// <summary>
/// The server's one-off commands. They open the store themselves, so the server must not be
/// running on the same store (LiteDB holds the file exclusively).
/// </summary>
public static class Commands
{
    private static readonly string[] Known = ["bootstrap-key", "verify-audit"];

    /// <summary>Separates a leading command from the configuration arguments; "--demo" becomes Contact:Demo=true.</summary>
    public static (string? Command, string[] Arguments) Split(string[] args)
    {
        var rest = args.Select(a => a == "--demo" ? "--Contact:Demo=true" : a).ToList();
        string? command = null;
        if (rest.Count > 0 && Known.Contains(rest[0]))
        {
            command = rest[0];
            rest.RemoveAt(0);
        }
        return (command, rest.ToArray());
    }

    public static async Task<int> RunAsync(string command, WebApplicationBuilder builder, string[] rest)
    {
        using var services = builder.Services.BuildServiceProvider();
        try
        {
            return command switch
            {
                "bootstrap-key" => await BootstrapKeyAsync(services, rest.FirstOrDefault(a => !a.StartsWith("--")) ?? "NCT operator"),
                "verify-audit" => VerifyAudit(services),
                _ => 2,
            };
        }
        catch (Exception ex) when (ex is StoreOpenException or SecretsException or IOException)
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
        services.GetRequiredService<ContactStore>().Dispose();
        return 0;
    }

    private static int VerifyAudit(IServiceProvider services)
    {
        var result = services.GetRequiredService<AuditTrail>().Verify();
        services.GetRequiredService<ContactStore>().Dispose();
        if (result.Intact)
        {
            Console.WriteLine($"Audit chain intact: {result.EntriesChecked} entries verified.");
            return 0;
        }
        Console.WriteLine($"Audit chain BROKEN at entry {result.FirstBrokenSequence}: {result.Problem} ({result.EntriesChecked} entries verified before it).");
        return 3;
    }
}
