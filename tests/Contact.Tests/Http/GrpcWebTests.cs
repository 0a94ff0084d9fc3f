using System.Net;
using Contact.Client;
using Contact.Tests.Support;
using Contact.V1;
using Grpc.Core;
using Grpc.Net.Client.Web;

namespace Contact.Tests.Http;

/// <summary>
/// gRPC-Web for browsers (GrpcWebAccess): CORS and calls only for the origins configured in
/// Contact:GrpcWeb:AllowedOrigins, none by default. The calls go through grpc-dotnet's own
/// gRPC-Web handler, as a browser's page would send them (with its Origin).
/// </summary>
public sealed class GrpcWebTests
{
    private const string Page = "https://case-system.example.org";

    [Fact]
    public async Task With_no_configured_origin_a_page_is_refused_and_gets_no_cors_headers()
    {
        await using var host = await TestHost.StartAsync(demo: true);
        var key = await host.KeyAsync(Role.Practitioner);

        using var preflight = await PreflightAsync(host, Page);
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));

        using var client = WebClient(host, key, Page);
        var refused = await Assert.ThrowsAsync<RpcException>(() => client.Register.FindNearestCentresAsync(Nottingham()).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);

        // A native client (no Origin) is unaffected; gRPC-Web itself works without a page.
        using var native = WebClient(host, key, origin: null);
        Assert.NotEmpty((await native.Register.FindNearestCentresAsync(Nottingham())).Results);
    }

    [Fact]
    public async Task A_configured_origin_gets_cors_headers_and_answers_other_origins_stay_refused()
    {
        await using var host = await TestHost.StartAsync(demo: true, settings: new Dictionary<string, string?>
        {
            ["Contact:GrpcWeb:AllowedOrigins:0"] = Page,
        });
        var key = await host.KeyAsync(Role.Practitioner);

        using var preflight = await PreflightAsync(host, Page);
        Assert.Equal(Page, preflight.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var client = WebClient(host, key, Page);
        var found = await client.Register.FindNearestCentresAsync(Nottingham());
        Assert.NotEmpty(found.Results);

        // A refusal's clause reaches the page: grpc-status-details-bin is an exposed header.
        var invalid = await Assert.ThrowsAsync<RpcException>(() => client.Register.FindNearestCentresAsync(new FindNearestCentresRequest()).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.NotEmpty(invalid.ToContactError().Fields);

        using var other = WebClient(host, key, "https://elsewhere.example.org");
        var refused = await Assert.ThrowsAsync<RpcException>(() => other.Register.FindNearestCentresAsync(Nottingham()).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    private static FindNearestCentresRequest Nottingham() =>
        new() { Postcode = "NG1 5HJ", ContactType = ContactType.Supported, Limit = 3 };

    private static async Task<HttpResponseMessage> PreflightAsync(TestHost host, string origin)
    {
        using var http = host.Http();
        var request = new HttpRequestMessage(HttpMethod.Options, "/contact.v1.RegisterService/FindNearestCentres");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,x-grpc-web,authorization");
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return response;
    }

    private static ContactClient WebClient(TestHost host, string key, string? origin) => new(new ContactClientOptions
    {
        Address = new Uri("http://localhost"),
        ApiKey = key,
        HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWeb, new WithOrigin(origin, host.Handler())),
    });

    private sealed class WithOrigin(string? origin, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (origin is not null) request.Headers.Add("Origin", origin);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
