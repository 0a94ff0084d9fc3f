using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Contact.Server.Domain.Common;
using Contact.Server.Domain.Register;
using Contact.Server.OpenReferral;
using Contact.Tests.Support;

namespace Contact.Tests.OpenReferral;

/// <summary>
/// The whole demo register's feed against the official Open Referral UK 3.0 schemas (vendored in
/// Schemas/), formats checked: every endpoint, every page, every item.
/// </summary>
public sealed class OrukConformanceTests : IAsyncLifetime
{
    private TestHost _host = null!;
    private static OrukSchemas Schemas => OrukSchemas.Instance;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(demo: true,
        settings: new Dictionary<string, string?> { ["Contact:OpenReferral:PermitsPerMinute"] = "100000" });
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Every_feed_endpoint_over_the_whole_demo_register_passes_the_oruk_3_0_schemas_with_formats_checked()
    {
        using var http = _host.Http();
        var violations = new List<string>();
        var checkedItems = 0;

        async Task<List<JsonElement>> AllPages(string path, string itemSchema, params string[] alsoSchemas)
        {
            var items = new List<JsonElement>();
            for (var page = 1; ; page++)
            {
                var url = $"{path}{(path.Contains('?') ? '&' : '?')}page={page}&per_page=200";
                using var doc = JsonDocument.Parse(await http.GetStringAsync(url));
                violations.AddRange(Schemas.Violations("page", doc.RootElement, url));
                foreach (var item in doc.RootElement.GetProperty("contents").EnumerateArray())
                {
                    foreach (var schema in alsoSchemas.Prepend(itemSchema)) violations.AddRange(Schemas.Violations(schema, item, url));
                    items.Add(item.Clone());
                    checkedItems++;
                }
                if (doc.RootElement.GetProperty("last_page").GetBoolean()) return items;
            }
        }

        async Task One(string url, string schema)
        {
            using var doc = JsonDocument.Parse(await http.GetStringAsync(url));
            violations.AddRange(Schemas.Violations(schema, doc.RootElement, url));
            checkedItems++;
        }

        var services = await AllPages("/services", "service_list.json", "service.json");
        Assert.Equal(_host.Get<RegisterIndex>().All().Count(c => OrukMapper.IsListed(c, UkClock.Today(_host.Clock))), services.Count);
        foreach (var s in services) await One($"/services/{s.GetProperty("id").GetString()}", "service.json");

        var atLocations = await AllPages("/service_at_locations", "service_at_location.json");
        Assert.Equal(services.Count, atLocations.Count);
        foreach (var s in atLocations) await One($"/service_at_locations/{s.GetProperty("id").GetString()}", "service_at_location.json");

        var organizations = await AllPages("/organizations", "organization.json");
        Assert.NotEmpty(organizations);
        foreach (var o in organizations) await One($"/organizations/{o.GetProperty("id").GetString()}", "organization.json");

        foreach (var t in await AllPages("/taxonomies", "taxonomy.json")) await One($"/taxonomies/{t.GetProperty("id").GetString()}", "taxonomy.json");
        foreach (var t in await AllPages("/taxonomy_terms", "taxonomy_term.json")) await One($"/taxonomy_terms/{t.GetProperty("id").GetString()}", "taxonomy_term.json");

        Assert.True(violations.Count == 0,
            $"{violations.Count} schema violations in {checkedItems} answers checked; the first:\n" + string.Join("\n", violations.Take(20)));
        Assert.True(checkedItems > 4 * services.Count);
    }

    [Fact]
    public async Task The_schemas_catch_an_address_without_address_1_and_an_id_that_is_not_a_uuid()
    {
        // The checks must be able to fail: yesterday's feed sent "address1" and register ids.
        var centre = _host.Get<RegisterIndex>().All().First(c => c.Setting == Setting.CentreBased && OrukMapper.IsListed(c, UkClock.Today(_host.Clock)));
        using var http = _host.Http();
        var service = JsonNode.Parse(await http.GetStringAsync($"/services/{OrukIds.Service(centre.Id)}"))!.AsObject();
        Assert.Empty(Schemas.Violations("service.json", Element(service), "as served"));

        var address = service["service_at_locations"]![0]!["location"]!["addresses"]![0]!.AsObject();
        var line = address["address_1"]!.GetValue<string>();
        address.Remove("address_1");
        address["address1"] = line;
        Assert.Contains(Schemas.Violations("service.json", Element(service), "address1"), v => v.Contains("required"));

        address.Remove("address1");
        address["address_1"] = line;
        service["id"] = centre.Id;
        Assert.Contains(Schemas.Violations("service.json", Element(service), "register id"), v => v.Contains("format"));
    }

    [Fact]
    public void Ids_are_rfc_9562_version_5_uuids_stable_and_distinct()
    {
        // RFC 9562 appendix A.4: UUIDv5 of "www.example.com" in the DNS namespace.
        Assert.Equal(Guid.Parse("2ed6657d-e927-568b-95e1-2665a8aea6a2"),
            OrukIds.NameBased(Guid.Parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com"));
        Assert.Equal(OrukIds.Service("demo0001"), OrukIds.Service("demo0001"));
        Assert.NotEqual(OrukIds.Service("demo0001"), OrukIds.Location("demo0001"));
        Assert.Equal('5', OrukIds.Service("demo0001")[14]);
        // Pinned: a published id must never change (changing the namespace would change them all).
        Assert.Equal(OrukIds.Of("service/demo0001"), OrukIds.NameBased(OrukIds.Namespace, "service/demo0001").ToString());
        Assert.Equal("0b6a4a3e-3c55-4f25-9f0e-5f8c1c7a1d42", OrukIds.Namespace.ToString());
    }

    [Fact]
    public async Task Ids_are_the_same_from_another_store_holding_the_same_register()
    {
        using var http = _host.Http();
        var before = await http.GetStringAsync("/services?per_page=200");
        await using var again = await TestHost.StartAsync(dataDirectory: TestHost.NewDataDirectory(), demo: true);
        using var http2 = again.Http();
        using var a = JsonDocument.Parse(before);
        using var b = JsonDocument.Parse(await http2.GetStringAsync("/services?per_page=200"));
        // A fresh store loaded with the same demo register publishes the same ids.
        var ids = a.RootElement.GetProperty("contents").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToHashSet();
        Assert.Subset(ids, b.RootElement.GetProperty("contents").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToHashSet());
    }

    private static JsonElement Element(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement;
}
