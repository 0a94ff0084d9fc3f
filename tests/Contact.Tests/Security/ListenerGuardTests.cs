using Contact.Server.Hosting;
using Microsoft.Extensions.Configuration;

namespace Contact.Tests.Security;

public class ListenerGuardTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    [InlineData("https://0.0.0.0:443")]
    [InlineData("https://*:443")]
    [InlineData("https://contact.example.org:443")]
    public void Tls_anywhere_and_plaintext_on_loopback_may_start(string url)
    {
        Assert.Null(ListenerGuard.Refusal(Config(("Kestrel:Endpoints:Grpc:Url", url))));
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://+:5080")]
    [InlineData("http://[::]:5080")]
    [InlineData("http://10.0.0.5:5080")]
    [InlineData("http://contact.example.org")]
    public void Plaintext_off_loopback_is_refused_with_a_clear_message(string url)
    {
        var refusal = ListenerGuard.Refusal(Config(("Kestrel:Endpoints:Grpc:Url", url)));
        Assert.NotNull(refusal);
        Assert.Contains("plaintext HTTP is allowed on loopback only", refusal);
        Assert.Contains($"Kestrel:Endpoints:Grpc:Url = {url}", refusal);
        Assert.Contains("https://", refusal);
    }

    [Fact]
    public void Urls_and_http_ports_are_checked_when_kestrel_has_no_endpoints()
    {
        Assert.NotNull(ListenerGuard.Refusal(Config(("urls", "http://127.0.0.1:5080;http://0.0.0.0:5081"))));
        Assert.Null(ListenerGuard.Refusal(Config(("urls", "http://127.0.0.1:5080;https://0.0.0.0:5081"))));
        Assert.Contains("http_ports", ListenerGuard.Refusal(Config(("http_ports", "8080"))));
        Assert.Null(ListenerGuard.Refusal(Config()));

        // Kestrel's own endpoints override both (as Kestrel does), e.g. a container's ASPNETCORE_HTTP_PORTS.
        Assert.Null(ListenerGuard.Refusal(Config(("Kestrel:Endpoints:Grpc:Url", "https://0.0.0.0:5443"), ("http_ports", "8080"), ("urls", "http://*:80"))));
    }
}
