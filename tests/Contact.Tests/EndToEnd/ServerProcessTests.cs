using System.Text.Json;
using Contact.Client;
using Contact.V1;

namespace Contact.Tests.EndToEnd;

public class ServerProcessTests
{
    [Fact]
    public async Task The_demo_server_finds_the_nearest_accredited_supervised_centres_to_a_postcode()
    {
        var data = Path.Combine(Path.GetTempPath(), "contact-e2e", Guid.NewGuid().ToString("N"));
        await using var server = await ServerProcess.StartAsync(data, "--demo");
        var keys = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(Path.Combine(data, "demo-keys.json")))!;

        using var client = new ContactClient(server.Address, keys["practitioner"]);
        var found = await client.Register.FindNearestCentresAsync(new FindNearestCentresRequest
        {
            Postcode = "LS1 4AP", ContactType = ContactType.Supervised, CommissionedOnly = true, MaxDistanceKm = 80,
        });
        Assert.NotEmpty(found.Results);
        Assert.All(found.Results, r =>
        {
            Assert.Contains(AccreditationLevel.Enhanced, r.Summary.AccreditedLevels);
            Assert.True(r.Summary.Commissioned);
            Assert.True(r.DistanceKm <= 80);
        });
    }

    [Fact]
    public async Task The_real_server_speaks_grpc_over_h2c_and_json_over_http_1_1_on_its_two_endpoints()
    {
        var data = Path.Combine(Path.GetTempPath(), "contact-e2e", Guid.NewGuid().ToString("N"));
        await using var server = await ServerProcess.StartAsync(data, "--demo");
        var keys = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(Path.Combine(data, "demo-keys.json")))!;

        using var client = new ContactClient(server.Address, keys["call-centre"]);
        var looked = await client.Postcodes.LookupPostcodeAsync(new LookupPostcodeRequest { Postcode = "LS1 4AP" });

        using var http = new HttpClient { BaseAddress = new Uri(server.HttpAddress), DefaultRequestVersion = System.Net.HttpVersion.Version11 };
        http.DefaultRequestHeaders.Authorization = new("Bearer", keys["call-centre"]);
        using var response = await http.GetAsync("/v1/postcodes/LS1%204AP");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Version(1, 1), response.Version);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(looked.Location.Latitude, json.RootElement.GetProperty("location").GetProperty("latitude").GetDouble());
    }
}
