using System.CommandLine;
using System.CommandLine.Invocation;

namespace Contact.Server.Hosting;

/// <summary>
/// The server's command line (System.CommandLine): serving is the root command, the one-off
/// commands are sub-commands, each with --help. ASP.NET configuration travels beside them as
/// "--Section:Key=value" (or "--Section:Key value"), which the parser never sees.
/// </summary>
public static class ServerCommandLine
{
    private const string ConfigurationHelp =
        "Settings are ASP.NET configuration: appsettings.json, environment variables (Contact__Storage__DataDirectory) " +
        "or arguments of the form --Section:Key=value, e.g. --Contact:Storage:DataDirectory=/srv/contact " +
        "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:5080 (also --urls=... and --environment=...). They apply to every command.";

    /// <summary>Top-level host settings ASP.NET reads from the command line without a section.</summary>
    private static readonly string[] HostKeys = ["urls", "environment", "http_ports", "https_ports"];

    public static async Task<int> InvokeAsync(string[] args, Func<WebApplicationBuilder, Task<int>> serve)
    {
        var (configuration, commandLine) = SplitConfiguration(args);
        WebApplicationBuilder Builder(params string[] extra)
        {
            // Settings (appsettings.json) come from beside the program, wherever it is started from;
            // relative paths such as the data directory are from the working directory.
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. configuration, .. extra], ContentRootPath = AppContext.BaseDirectory });
            builder.Services.AddContact(builder.Configuration);
            return builder;
        }

        var root = Build(Builder, serve);
        // No response files: an operand such as a key's name may start with '@'.
        var parsed = root.Parse(commandLine, new ParserConfiguration { ResponseFileTokenReplacer = null });
        // The server and its host handle SIGINT/SIGTERM themselves (a graceful stop checkpoints the store).
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false };
        if (parsed.Errors.Count > 0 && parsed.Action is ParseErrorAction)
        {
            // The errors, a suggestion for a typo, and the usage of the command, on standard error.
            await parsed.InvokeAsync(new InvocationConfiguration { Output = Console.Error, Error = Console.Error, ProcessTerminationTimeout = null });
            return ExitCodes.Usage;
        }
        return await parsed.InvokeAsync(invocation);
    }

    /// <summary>
    /// Separates the configuration arguments (handed to ASP.NET as they are) from the commands,
    /// options and operands (handed to the parser, which refuses what it does not know).
    /// </summary>
    public static (string[] Configuration, string[] CommandLine) SplitConfiguration(IReadOnlyList<string> args)
    {
        var configuration = new List<string>();
        var commandLine = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--") { commandLine.AddRange(args.Skip(i)); break; }
            if (!IsConfigurationKey(arg)) { commandLine.Add(arg); continue; }
            if (arg.Contains('=')) configuration.Add(arg);
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) { configuration.Add(arg); configuration.Add(args[++i]); }
            else commandLine.Add(arg);   // a setting without its value: the parser refuses it
        }
        return ([.. configuration], [.. commandLine]);
    }

    private static bool IsConfigurationKey(string arg)
    {
        if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length < 3) return false;
        var key = arg[2..].Split('=', 2)[0];
        return key.Length > 0 && !key.StartsWith(':') && (key.Contains(':') || HostKeys.Contains(key, StringComparer.OrdinalIgnoreCase));
    }

    private static RootCommand Build(Func<string[], WebApplicationBuilder> builder, Func<WebApplicationBuilder, Task<int>> serve)
    {
        var demo = new Option<bool>("--demo") { Description = "Load the synthetic demo register and write one API key per role to demo-keys.json (first start)." };
        var root = new RootCommand(
            "Contact server: the register of accredited child contact centres, referrals and safe information sharing " +
            "between Cafcass and NACCC, over gRPC (default http://127.0.0.1:5080, h2c) and HTTP/1.1 (http://127.0.0.1:5081). " +
            "Run without a command to serve.\n\n" + ConfigurationHelp) { demo };
        root.SetAction((parse, _) => serve(parse.GetValue(demo) ? builder(["--Contact:Demo=true"]) : builder([])));

        var name = new Argument<string>("name") { Description = "Who the key is for.", DefaultValueFactory = _ => "NCT operator" };
        var bootstrap = new Command("bootstrap-key", "Issue the first NCT operator key of a new store and print it once (server stopped).") { name };
        bootstrap.SetAction((parse, _) => Commands.BootstrapKeyAsync(builder([]), parse.GetValue(name)!));

        var verify = new Command("verify-audit", "Verify the audit chain of a stopped server's store (read-only). Exit 0 intact, 3 broken, 4 damaged store.");
        verify.SetAction(_ => Commands.VerifyAudit(builder([])));

        var check = new Command("check-store",
            "Check a stopped server's store read-only: every document and index read back through LiteDB, and the audit chain. " +
            "For operators before and after a restore. Exit 0 intact, 3 audit chain broken, 4 damaged store.");
        check.SetAction(_ => Commands.CheckStore(builder([])));

        var server = new Argument<string?>("server-url") { Description = "The running server's gRPC address (default: the configured gRPC listener).", Arity = ArgumentArity.ZeroOrOne };
        var backup = new Command("backup", "Ask a running server for an online backup into backups/ beside its store (an NCT key in CONTACT_API_KEY).") { server };
        backup.SetAction((parse, _) =>
        {
            var b = builder([]);
            return Commands.BackupAsync(parse.GetValue(server) ?? b.Configuration["Kestrel:Endpoints:Grpc:Url"] ?? "http://127.0.0.1:5080");
        });

        var file = new Argument<string>("file") { Description = "The backup file to put in place of the store." };
        var restore = new Command("restore", "Check a backup (it must open with this data key, read back whole and its audit chain verify), then put it in place of a stopped server's store.") { file };
        restore.SetAction(parse => Commands.Restore(builder([]), parse.GetValue(file)!));

        var http = new Argument<string?>("server-url") { Description = "The HTTP address the document names as its server (default: the configured HTTP listener).", Arity = ArgumentArity.ZeroOrOne };
        var openapi = new Command("openapi", "Print the OpenAPI 3.1 description of the HTTP routes (the same document as /openapi.json; CI lints it).") { http };
        openapi.SetAction(parse => Contact.Server.OpenApi.OpenApiDescription.Print(builder([]), parse.GetValue(http)));

        root.Subcommands.Add(bootstrap);
        root.Subcommands.Add(verify);
        root.Subcommands.Add(check);
        root.Subcommands.Add(backup);
        root.Subcommands.Add(restore);
        root.Subcommands.Add(openapi);
        return root;
    }
}
