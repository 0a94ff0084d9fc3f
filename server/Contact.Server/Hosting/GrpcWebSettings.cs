namespace Contact.Server.Hosting;

/// <summary>The "Contact:GrpcWeb" settings: which web origins may call the API from a browser.</summary>
public sealed class GrpcWebSettings
{
    /// <summary>
    /// Origins allowed to call the gRPC services from a browser over gRPC-Web, e.g.
    /// "https://case-system.example.org". None by default: no page may call the API.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];
}
