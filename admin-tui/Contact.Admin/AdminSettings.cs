using System.Text.Json;

namespace Contact.Admin;

/// <summary>
/// Where the server is and which NCT key to use. Arguments win over the environment
/// (CONTACT_ADDRESS, CONTACT_API_KEY, CONTACT_KEY_FILE), which wins over appsettings.json
/// ({"Contact": {"Address": …, "ApiKey": …, "KeyFile": …}}) in the working directory or beside the program.
/// </summary>
public sealed record AdminSettings(Uri Address, string ApiKey)
{
    public const string DefaultAddress = "http://127.0.0.1:5080";

    /// <summary>The role picked from a key file such as the demo's data/demo-keys.json.</summary>
    public const string KeyFileRole = "nct";

    public static AdminSettings Resolve(string[] args, Func<string, string?> environment, IEnumerable<string> configFiles)
    {
        var fromArgs = ParseArguments(args);
        var fromFile = configFiles.Where(File.Exists).Select(ReadConfig).FirstOrDefault() ?? new Dictionary<string, string>();
        string? Pick(string arg, string env, string config) =>
            fromArgs.GetValueOrDefault(arg) ?? NonEmpty(environment(env)) ?? fromFile.GetValueOrDefault(config);

        var address = Pick("address", "CONTACT_ADDRESS", "Address") ?? DefaultAddress;
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new SettingsException($"The server address \"{address}\" is not an http:// or https:// address.");

        // An explicit key beats a key file at the same level; a key file named in arguments beats an environment key.
        var key = fromArgs.GetValueOrDefault("key")
            ?? KeyFrom(fromArgs.GetValueOrDefault("key-file"))
            ?? NonEmpty(environment("CONTACT_API_KEY"))
            ?? KeyFrom(NonEmpty(environment("CONTACT_KEY_FILE")))
            ?? fromFile.GetValueOrDefault("ApiKey")
            ?? KeyFrom(fromFile.GetValueOrDefault("KeyFile"))
            ?? throw new SettingsException("No API key: pass --key KEY or --key-file data/demo-keys.json, or set CONTACT_API_KEY.");
        return new AdminSettings(uri, key.Trim());
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static Dictionary<string, string> ParseArguments(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal)) throw new SettingsException($"Unexpected argument \"{arg}\". {Usage}");
            var name = arg[2..];
            string value;
            if (name.IndexOf('=') is var eq and > 0) (name, value) = (name[..eq], name[(eq + 1)..]);
            else if (i + 1 < args.Length) value = args[++i];
            else throw new SettingsException($"{arg} needs a value. {Usage}");
            if (name is not ("address" or "key" or "key-file")) throw new SettingsException($"Unknown option {arg}. {Usage}");
            values[name] = value;
        }
        return values;
    }

    public const string Usage = "Usage: Contact.Admin [--address http://127.0.0.1:5080] [--key KEY | --key-file data/demo-keys.json]";

    private static Dictionary<string, string> ReadConfig(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var values = new Dictionary<string, string>();
        if (doc.RootElement.TryGetProperty("Contact", out var section) && section.ValueKind == JsonValueKind.Object)
            foreach (var p in section.EnumerateObject())
                if (p.Value.ValueKind == JsonValueKind.String) values[p.Name] = p.Value.GetString()!;
        return values;
    }

    /// <summary>Reads the "nct" entry of a JSON key file ({"nct": "secret", …}).</summary>
    private static string? KeyFrom(string? keyFile)
    {
        if (keyFile is null) return null;
        if (!File.Exists(keyFile)) throw new SettingsException($"The key file \"{keyFile}\" does not exist (start the server with --demo to write it).");
        using var doc = JsonDocument.Parse(File.ReadAllText(keyFile));
        return doc.RootElement.TryGetProperty(KeyFileRole, out var key) && key.ValueKind == JsonValueKind.String
            ? key.GetString()
            : throw new SettingsException($"The key file \"{keyFile}\" has no \"{KeyFileRole}\" key.");
    }
}
