using System.Net;
using System.Text;
using System.Text.Json;
using Contact.Server.Hosting;
using Contact.Server.OpenApi;
using Contact.Tests.Support;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Contact.Tests.Http;

/// <summary>/openapi.json: every HTTP route the server maps is in it, and every path in it answers.</summary>
public sealed class OpenApiTests : IAsyncLifetime
{
    private TestHost _host = null!;
    private JsonDocument _document = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(demo: true, settings: new Dictionary<string, string?> { ["Contact:OpenReferral:PermitsPerMinute"] = "100000" });
        using var http = _host.Http();
        using var response = await http.GetAsync(OpenApiDescription.Route);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        _document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        _document.Dispose();
        await _host.DisposeAsync();
    }

    private JsonElement Paths => _document.RootElement.GetProperty("paths");

    private IEnumerable<(string Path, string Method, JsonElement Operation)> Operations() =>
        Paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(m => (p.Name, m.Name, m.Value)));

    [Fact]
    public void It_is_openapi_3_1_with_the_api_key_scheme_and_the_error_schemas()
    {
        var root = _document.RootElement;
        Assert.Equal("3.1.0", root.GetProperty("openapi").GetString());
        var components = root.GetProperty("components");
        var scheme = components.GetProperty("securitySchemes").GetProperty(OpenApiDescription.SecurityScheme);
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.True(components.GetProperty("schemas").TryGetProperty("google.rpc.Status", out _));
        Assert.True(components.GetProperty("schemas").TryGetProperty("Problem", out _));
        Assert.True(components.GetProperty("responses").GetProperty("RpcError").GetProperty("content").GetProperty("application/json").TryGetProperty("example", out _));

        var ids = Operations().Select(o => o.Operation.GetProperty("operationId").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var (path, method, operation) in Operations())
        {
            Assert.True(operation.TryGetProperty("summary", out _), $"{method} {path} has no summary");
            Assert.True(operation.GetProperty("responses").TryGetProperty("200", out _), $"{method} {path} has no 200");
            var keyed = operation.GetProperty("security").EnumerateArray().Any();
            Assert.Equal(path.StartsWith("/v1/"), keyed);   // transcoded calls need a key; the feed and operations are open
        }
        // Every $ref points at a component that exists.
        var text = _document.RootElement.GetRawText();
        foreach (var reference in System.Text.RegularExpressions.Regex.Matches(text, "\"\\$ref\": ?\"#/([^\"]+)\"").Select(m => m.Groups[1].Value))
        {
            var node = root;
            foreach (var segment in reference.Split('/').Select(x => x.Replace("~1", "/").Replace("~0", "~")))
                Assert.True(node.TryGetProperty(segment, out node), $"dangling $ref #/{reference}");
        }
    }

    [Fact]
    public void Every_route_the_server_maps_is_in_the_document()
    {
        var routes = _host.Endpoints.OfType<RouteEndpoint>().ToList();
        var operationIds = Operations().Select(o => o.Operation.GetProperty("operationId").GetString()).ToHashSet();
        var checkedRoutes = 0;
        foreach (var route in routes)
        {
            if (route.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is { } transcoding)
            {
                var id = $"{transcoding.MethodDescriptor.Service.Name}_{transcoding.MethodDescriptor.Name}";
                Assert.True(operationIds.Contains(id), $"the transcoded {transcoding.MethodDescriptor.FullName} is not in the document");
            }
            else if (route.Metadata.GetMetadata<GrpcMethodMetadata>() is not null) continue;   // native gRPC (HTTP/2)
            else if (route.Order == int.MaxValue) continue;                                  // the fallback for unknown routes
            else if (route.RoutePattern.RawText!.Contains("grpcunimplemented")) continue;    // gRPC's own UNIMPLEMENTED catch-all
            else
            {
                // "/find/" (a group's root) is "/find" and "{**rest}" is "{rest}" in OpenAPI.
                var path = "/" + System.Text.RegularExpressions.Regex.Replace(route.RoutePattern.RawText!.Trim('/'), @"\{\*+", "{");
                Assert.True(Paths.TryGetProperty(path, out var item), $"{path} is mapped but not in the document");
                var methods = route.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                foreach (var method in methods)
                    Assert.True(item.TryGetProperty(method.ToLowerInvariant(), out var operation) && operation.TryGetProperty("description", out _),
                        $"{method} {path} is mapped but not described");
            }
            checkedRoutes++;
        }
        Assert.True(checkedRoutes >= 20, $"only {checkedRoutes} routes checked");
    }

    [Fact]
    public async Task Every_path_in_the_document_answers()
    {
        using var http = _host.Http();
        foreach (var (path, method, operation) in Operations())
        {
            var url = System.Text.RegularExpressions.Regex.Replace(path, "\\{(\\w+)\\}", m => Example(operation, m.Groups[1].Value));
            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
            if (operation.TryGetProperty("requestBody", out _)) request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            // Not found as a route: a 404 is only allowed from the endpoint itself (no such resource).
            Assert.False(response.StatusCode == HttpStatusCode.NotFound && body.Contains(UnknownRoutes.Reason), $"{method} {url}: no route");
            Assert.NotEqual(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            Assert.True((int)response.StatusCode < 500, $"{method} {url}: {(int)response.StatusCode} {body}");
        }
    }

    [Fact]
    public async Task An_unknown_route_answers_a_problem_body_pointing_at_the_document()
    {
        using var http = _host.Http();
        foreach (var url in new[] { "/swagger", "/v1/nothing", "/services/x/y", "/favicon.ico" })
        {
            using var response = await http.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(UnknownRoutes.Reason, problem.RootElement.GetProperty("reason").GetString());
            Assert.Contains(OpenApiDescription.Route, problem.RootElement.GetProperty("detail").GetString());
        }
    }

    private static string Example(JsonElement operation, string name)
    {
        foreach (var p in operation.GetProperty("parameters").EnumerateArray())
            if (p.GetProperty("name").GetString() == name && p.TryGetProperty("example", out var example)) return Uri.EscapeDataString(example.ToString());
        return name == "postcode" ? "LS1%204AP" : Guid.Empty.ToString();
    }
}
