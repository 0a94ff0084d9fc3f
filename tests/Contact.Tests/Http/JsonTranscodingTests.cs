using System.Net;
using System.Text.Json;
using Contact.Tests.Support;
using Contact.V1;

namespace Contact.Tests.Http;

/// <summary>The lookups as JSON over HTTP (google.api.http annotations), through a plain HttpClient.</summary>
public sealed class JsonTranscodingTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(demo: true);
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Find_nearest_answers_json_with_proto_field_names_in_lower_camel_case()
    {
        using var http = _host.Http(await _host.KeyAsync(Role.Practitioner));
        using var response = await http.GetAsync("/v1/centres:findNearest?postcode=LS1%204AP&contactType=CONTACT_TYPE_SUPERVISED&limit=3");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.InRange(results.Count, 1, 3);
        Assert.All(results, r =>
        {
            Assert.StartsWith("centres/", r.GetProperty("summary").GetProperty("name").GetString());
            Assert.True(r.GetProperty("distanceKm").GetDouble() >= 0);
        });
    }

    [Fact]
    public async Task Get_centre_and_lookup_postcode_bind_the_path()
    {
        using var http = _host.Http(await _host.KeyAsync(Role.CallCentre));
        var first = _host.Get<Contact.Server.Domain.Register.RegisterIndex>().All().First();
        using var centre = JsonDocument.Parse(await http.GetStringAsync($"/v1/centres/{first.Id}"));
        Assert.Equal(first.DisplayName, centre.RootElement.GetProperty("displayName").GetString());

        using var postcode = JsonDocument.Parse(await http.GetStringAsync("/v1/postcodes/LS1%204AP"));
        Assert.Equal("LS1 4AP", postcode.RootElement.GetProperty("postcode").GetString());
    }

    [Fact]
    public async Task The_access_interceptor_guards_transcoded_calls_too()
    {
        using var anonymous = _host.Http();
        using var response = await anonymous.GetAsync("/v1/centres?pageSize=1");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(16, status.RootElement.GetProperty("code").GetInt32());
        Assert.Equal("UNAUTHENTICATED", status.RootElement.GetProperty("details")[0].GetProperty("reason").GetString());

        using var wrongKey = _host.Http("not-a-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.GetAsync("/v1/centres?pageSize=1")).StatusCode);
    }

    [Fact]
    public async Task Refusals_are_google_rpc_status_json_with_error_info_and_field_violations()
    {
        using var http = _host.Http(await _host.KeyAsync(Role.Practitioner));
        using var response = await http.GetAsync("/v1/centres:findNearest?limit=500");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(3, status.RootElement.GetProperty("code").GetInt32());
        var details = status.RootElement.GetProperty("details").EnumerateArray().ToList();
        Assert.Contains(details, d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.ErrorInfo");
        var badRequest = details.Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.BadRequest");
        var fields = badRequest.GetProperty("fieldViolations").EnumerateArray().Select(v => v.GetProperty("field").GetString()).Order();
        Assert.Equal(["contactType", "limit", "origin"], fields);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Writes_are_not_exposed_over_json()
    {
        using var http = _host.Http(await _host.KeyAsync(Role.NctOperator));
        using var response = await http.PostAsync("/v1/centres", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        Assert.Equal(0, _host.Get<Contact.Server.Domain.Register.RegisterIndex>().All().Count(c => !c.Demo));
    }

    [Theory]
    [InlineData("/v1/centres?pageSize=abc", "pageSize", "MALFORMED_VALUE")]
    [InlineData("/v1/centres?contactType=CONTACT_TYPE_NOPE", "contactType", "MALFORMED_VALUE")]
    [InlineData("/v1/centres?pagesize=20", "pagesize", "UNKNOWN_FIELD")]
    [InlineData("/v1/centres:findNearest?postcode=LS1%204AP&contactType=CONTACT_TYPE_SUPPORTED&maxDistanceKm=far", "maxDistanceKm", "MALFORMED_VALUE")]
    [InlineData("/v1/centres:findNearest?postcode=LS1%204AP&contactType=CONTACT_TYPE_SUPPORTED&commissionedOnly=yes", "commissionedOnly", "MALFORMED_VALUE")]
    public async Task Malformed_or_unknown_query_parameters_are_refused_with_error_info_and_the_lower_camel_field(string url, string field, string reason)
    {
        using var http = _host.Http(await _host.KeyAsync(Contact.V1.Role.Practitioner));
        using var response = await http.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        using var status = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var details = status.RootElement.GetProperty("details").EnumerateArray().ToList();
        var info = details.Single(d => d.GetProperty("@type").GetString()!.EndsWith("google.rpc.ErrorInfo"));
        Assert.Equal(reason, info.GetProperty("reason").GetString());
        var badRequest = details.Single(d => d.GetProperty("@type").GetString()!.EndsWith("google.rpc.BadRequest"));
        Assert.Equal(field, Assert.Single(badRequest.GetProperty("fieldViolations").EnumerateArray()).GetProperty("field").GetString());
    }
}
