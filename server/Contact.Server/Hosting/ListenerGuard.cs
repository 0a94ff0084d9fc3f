using System.Net;

namespace Contact.Server.Hosting;

/// <summary>
/// Children's data may cross the network only over TLS: a plaintext (http://) listener is allowed
/// on loopback only (the embedded default). Kestrel serves TLS itself for an https:// endpoint
/// with a certificate (standard ASP.NET Kestrel configuration, see docs/security.md).
/// </summary>
public static class ListenerGuard
{
    /// <summary>The configured plaintext listeners that would bind a non-loopback address.</summary>
    public static IReadOnlyList<string> PlaintextOffLoopback(IConfiguration configuration)
    {
        // Kestrel's precedence: its endpoints, else "urls", else "http_ports" (which binds every interface).
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(e => (Source: $"Kestrel:Endpoints:{e.Key}:Url", Url: e["Url"] ?? "")).ToList();
        if (endpoints.Count == 0 && !string.IsNullOrWhiteSpace(configuration["urls"]))
            endpoints = configuration["urls"]!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(u => (Source: "urls", Url: u)).ToList();
        if (endpoints.Count == 0 && !string.IsNullOrWhiteSpace(configuration["http_ports"]))
            endpoints = configuration["http_ports"]!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(port => (Source: "http_ports", Url: $"http://*:{port}")).ToList();

        var problems = new List<string>();
        foreach (var (source, url) in endpoints)
        {
            var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
            if (schemeEnd < 0 || !url[..schemeEnd].Equals("http", StringComparison.OrdinalIgnoreCase)) continue;
            if (!IsLoopback(HostOf(url[(schemeEnd + 3)..]))) problems.Add($"{source} = {url}");
        }
        return problems;
    }

    /// <summary>Why the server must not start as configured, or null when it may.</summary>
    public static string? Refusal(IConfiguration configuration)
    {
        var problems = PlaintextOffLoopback(configuration);
        if (problems.Count == 0) return null;
        return "Refusing to start: plaintext HTTP is allowed on loopback only, but " + string.Join(", ", problems) +
            " binds a network address. Serve TLS instead: an https:// URL with a certificate " +
            "(Kestrel:Endpoints:<name>:Certificate:Path and :Password, or :Subject and :Store), or bind 127.0.0.1.";
    }

    private static string HostOf(string authorityAndPath)
    {
        var authority = authorityAndPath.Split('/', 2)[0];
        if (authority.StartsWith('[')) return authority[1..Math.Max(1, authority.IndexOf(']'))];
        var colon = authority.LastIndexOf(':');
        return colon < 0 ? authority : authority[..colon];
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}
