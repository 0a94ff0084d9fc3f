using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Contact.Server.Storage;
using Contact.Tests.Support;
using Contact.V1;

namespace Contact.Tests.Http;

/// <summary>NACCC's Safe Referral System steps as JSON over HTTP (google.api.http), through a plain HttpClient.</summary>
public sealed class SharingJsonTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync();
    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    private static object Request(bool consent) => new
    {
        srsReference = "SRS-JSON-1",
        familyName = "Smith",
        parentWishingContact = "Pat Parent",
        children = new[] { new { givenNames = "Amy", dateOfBirth = new { year = 2018, month = 4, day = 5 } } },
        partiesConsentedToChecks = consent,
    };

    private int StoredRequests() => _host.Get<ContactStore>().Read(s => s.Collection<SharingRequestDocument>(SharingRepository.RequestsName).Count());

    [Fact]
    public async Task NACCC_submits_a_request_and_reads_it_back_as_json_and_another_NACCC_key_cannot()
    {
        using var naccc = _host.Http(await _host.KeyAsync(Role.Naccc));
        using var submitted = await naccc.PostAsJsonAsync("/v1/sharingRequests", Request(consent: true));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        using var created = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync());
        var name = created.RootElement.GetProperty("name").GetString()!;
        Assert.StartsWith("sharingRequests/", name);
        Assert.Equal("SHARING_REQUEST_STATE_AWAITING_CALL_CENTRE", created.RootElement.GetProperty("state").GetString());

        using var read = JsonDocument.Parse(await naccc.GetStringAsync($"/v1/{name}"));
        Assert.Equal("SRS-JSON-1", read.RootElement.GetProperty("srsReference").GetString());
        Assert.Equal("Amy", read.RootElement.GetProperty("children")[0].GetProperty("givenNames").GetString());
        Assert.False(read.RootElement.TryGetProperty("cafcass", out _)); // Cafcass's notes are not NACCC's to see

        using var list = JsonDocument.Parse(await naccc.GetStringAsync("/v1/sharingRequests?state=SHARING_REQUEST_STATE_AWAITING_CALL_CENTRE&pageSize=10"));
        Assert.Equal(name, Assert.Single(list.RootElement.GetProperty("sharingRequests").EnumerateArray()).GetProperty("name").GetString());

        using var otherNaccc = _host.Http(await _host.KeyAsync(Role.Naccc));
        Assert.Equal(HttpStatusCode.NotFound, (await otherNaccc.GetAsync($"/v1/{name}")).StatusCode);
        using var empty = JsonDocument.Parse(await otherNaccc.GetStringAsync("/v1/sharingRequests"));
        Assert.Equal(0, empty.RootElement.TryGetProperty("sharingRequests", out var none) ? none.GetArrayLength() : 0);

        using var practitioner = _host.Http(await _host.KeyAsync(Role.Practitioner));
        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.PostAsJsonAsync("/v1/sharingRequests", Request(consent: true))).StatusCode);
        Assert.Equal(1, StoredRequests());
    }

    [Fact]
    public async Task A_request_without_consent_is_refused_as_json_with_its_clause_and_nothing_is_stored()
    {
        using var naccc = _host.Http(await _host.KeyAsync(Role.Naccc));
        using var response = await naccc.PostAsJsonAsync("/v1/sharingRequests", Request(consent: false));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", text);
        using var status = JsonDocument.Parse(text);
        Assert.Equal(9, status.RootElement.GetProperty("code").GetInt32()); // FAILED_PRECONDITION
        var details = status.RootElement.GetProperty("details").EnumerateArray().ToList();
        var info = details.Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.ErrorInfo");
        Assert.Equal("Policy 1.8, Annex 1", info.GetProperty("metadata").GetProperty("clause").GetString());
        var badRequest = details.Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.BadRequest");
        Assert.Equal("partiesConsentedToChecks", Assert.Single(badRequest.GetProperty("fieldViolations").EnumerateArray()).GetProperty("field").GetString());
        Assert.Equal(0, StoredRequests());
    }

    [Fact]
    public async Task The_call_centre_status_is_served_as_json()
    {
        using var naccc = _host.Http(await _host.KeyAsync(Role.Naccc));
        using var status = JsonDocument.Parse(await naccc.GetStringAsync("/v1/callCentre:status"));
        Assert.True(status.RootElement.TryGetProperty("nextOpenTime", out _));
        Assert.NotEmpty(status.RootElement.GetProperty("hours").GetString()!);
    }

    [Fact]
    public async Task Unknown_body_fields_are_refused_by_their_path_and_nothing_is_stored()
    {
        using var http = _host.Http(await _host.KeyAsync(Contact.V1.Role.Naccc));
        using var response = await http.PostAsync("/v1/sharingRequests", new StringContent(
            """{ "srsReference": "SRS-2026-0099", "familyName": "Smith", "partiesConsentedToChecks": true, "children": [ { "givenNames": "Amy", "nickname": "A" } ] }""",
            System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("UNKNOWN_FIELD", body);
        Assert.Contains("children[0].nickname", body);
    }
}
