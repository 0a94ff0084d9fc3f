using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Contact.Client;
using Contact.Tests.Support;
using Contact.V1;
using Grpc.Core;

namespace Contact.Tests.EndToEnd;

/// <summary>The real server process with the standard Kestrel TLS configuration, and the plaintext guard.</summary>
public class TlsTests
{
    [Fact]
    public async Task With_an_https_endpoint_and_a_certificate_the_server_speaks_only_tls()
    {
        var data = Path.Combine(Path.GetTempPath(), "contact-e2e", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        using var certificate = SelfSigned();
        var pfx = Path.Combine(data, "server.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "test-password"));

        await using var server = await ServerProcess.StartAsync(data, "--demo",
            "--Kestrel:Endpoints:Grpc:Url=https://127.0.0.1:0",
            $"--Kestrel:Endpoints:Grpc:Certificate:Path={pfx}",
            "--Kestrel:Endpoints:Grpc:Certificate:Password=test-password");
        Assert.StartsWith("https://", server.Address);
        var keys = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(Path.Combine(data, "demo-keys.json")))!;

        // The client trusts exactly this certificate (a real deployment uses a CA-issued one).
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == certificate.GetCertHashString();
        using var client = new ContactClient(new ContactClientOptions { Address = new Uri(server.Address), ApiKey = keys["practitioner"], HttpHandler = handler });
        var identity = await client.Access.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        Assert.Contains(Role.Practitioner, identity.Roles);

        // Plaintext to the same port is not served.
        using var plaintext = new ContactClient(server.Address.Replace("https://", "http://"), keys["practitioner"]);
        var ex = await Assert.ThrowsAsync<RpcException>(() => plaintext.Access.GetCallerIdentityAsync(new GetCallerIdentityRequest()).ResponseAsync);
        Assert.NotEqual(StatusCode.OK, ex.StatusCode);
    }

    [Fact]
    public async Task A_plaintext_listener_on_a_network_address_refuses_to_start()
    {
        var data = Path.Combine(Path.GetTempPath(), "contact-e2e", Guid.NewGuid().ToString("N"));
        var result = await ServerCommand.RunAsync(null, "--Kestrel:Endpoints:Grpc:Url=http://0.0.0.0:0", $"--Contact:Storage:DataDirectory={data}");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Refusing to start: plaintext HTTP is allowed on loopback only", result.Error);
        Assert.False(File.Exists(Path.Combine(data, "contact.db")));
    }

    private static X509Certificate2 SelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }
}
