using System.Net;
using System.Text.Json;
using Contact.Server.Domain.Common;
using Contact.Server.Domain.Geo;
using Contact.Server.Domain.Register;
using Contact.Server.OpenReferral;
using Contact.Tests.Support;

namespace Contact.Tests.Http;

/// <summary>The open Open Referral UK feed of the accredited register.</summary>
public sealed class OpenReferralFeedTests : IAsyncLifetime
{
    // Open Referral UK profile 3.0 (github.com/OpenReferralUK/uk-profile, schema/service.json,
    // schema/compiled/service_list.json, schema/location.json; openapi.json "Page"): the fields
    // each object REQUIRES, and the Page fields of a paginated list.
    private static readonly string[] ServiceRequired = ["id", "name", "status", "url"];
    private static readonly string[] OrganizationRequired = ["id", "name", "description"];
    private static readonly string[] LocationRequired = ["id"];
    private static readonly string[] ServiceStatuses = ["active", "inactive", "defunct", "temporarily closed"];
    private static readonly string[] PageFields = ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"];

    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(demo: true);
    public async Task DisposeAsync() => await _host.DisposeAsync();

    private DateOnly Today => UkClock.Today(_host.Clock);

    [Fact]
    public async Task Services_answer_carries_every_field_the_oruk_3_0_service_schema_requires()
    {
        using var http = _host.Http();   // open: no key
        using var page = JsonDocument.Parse(await http.GetStringAsync("/services?per_page=100"));
        foreach (var field in PageFields) Assert.True(page.RootElement.TryGetProperty(field, out _), $"page lacks {field}");

        var services = page.RootElement.GetProperty("contents").EnumerateArray().ToList();
        Assert.NotEmpty(services);
        foreach (var service in services)
        {
            foreach (var field in ServiceRequired)
                Assert.False(string.IsNullOrEmpty(service.GetProperty(field).GetString()), $"service lacks {field}");
            Assert.Contains(service.GetProperty("status").GetString(), ServiceStatuses);
            Assert.True(Uri.IsWellFormedUriString(service.GetProperty("url").GetString(), UriKind.Absolute));
            var organization = service.GetProperty("organization");
            foreach (var field in OrganizationRequired)
                Assert.False(string.IsNullOrEmpty(organization.GetProperty(field).GetString()), $"organization lacks {field}");
            foreach (var at in service.GetProperty("service_at_locations").EnumerateArray())
            {
                var location = at.GetProperty("location");
                foreach (var field in LocationRequired) Assert.False(string.IsNullOrEmpty(location.GetProperty(field).GetString()));
                Assert.True(GeoPoint.IsValid(location.GetProperty("latitude").GetDouble(), location.GetProperty("longitude").GetDouble()));
            }
        }
    }

    [Fact]
    public async Task Only_centres_accredited_now_at_some_level_are_listed_and_paging_adds_up()
    {
        var index = _host.Get<RegisterIndex>();
        var accreditedCentres = index.All().Where(c => AccreditationRules.IsAccreditedAtAnyLevel(c, Today)).ToList();
        var accredited = accreditedCentres.Select(c => OrukIds.Service(c.Id)).ToHashSet();
        Assert.True(accredited.Count < index.Count, "the demo register should hold some centres not accredited now");

        using var http = _host.Http();
        var seen = new List<string>();
        for (var page = 1; ; page++)
        {
            using var json = JsonDocument.Parse(await http.GetStringAsync($"/services?page={page}&per_page=40"));
            var root = json.RootElement;
            Assert.Equal(accredited.Count, root.GetProperty("total_items").GetInt32());
            Assert.Equal((accredited.Count + 39) / 40, root.GetProperty("total_pages").GetInt32());
            Assert.Equal(page, root.GetProperty("page_number").GetInt32());
            Assert.Equal(page == 1, root.GetProperty("first_page").GetBoolean());
            var contents = root.GetProperty("contents").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();
            Assert.Equal(contents.Count, root.GetProperty("size").GetInt32());
            seen.AddRange(contents);
            if (root.GetProperty("last_page").GetBoolean()) break;
        }
        Assert.Equal(accredited.OrderBy(x => x, StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));

        var unaccredited = index.All().First(c => !accredited.Contains(OrukIds.Service(c.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/services/{unaccredited.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/services/{OrukIds.Service(unaccredited.Id)}")).StatusCode);
        using var one = JsonDocument.Parse(await http.GetStringAsync($"/services/{accredited.First()}"));
        Assert.Equal(accredited.First(), one.RootElement.GetProperty("id").GetString());
        // The register id (the feed's id before ORUK 3.0 conformance) still finds the service.
        using var legacy = JsonDocument.Parse(await http.GetStringAsync($"/services/{accreditedCentres[0].Id}"));
        Assert.Equal(OrukIds.Service(accreditedCentres[0].Id), legacy.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Policy_1_2_a_centre_accredited_only_at_standard_is_not_described_as_offering_supervised_contact()
    {
        var naccc = await _host.ClientAsync(Contact.V1.Role.Naccc);
        var centre = await naccc.Register.CreateCentreAsync(new Contact.V1.CreateCentreRequest
        {
            Centre = Centres.Valid("Standard Only Centre"),   // offers supported and supervised contact
        });
        await naccc.Register.RecordAccreditationDecisionAsync(new Contact.V1.RecordAccreditationDecisionRequest
        {
            Centre = centre.Name, Level = Contact.V1.AccreditationLevel.Standard, Action = Contact.V1.AccreditationAction.Grant, Reason = "Panel decision",
        });
        var id = centre.Name["centres/".Length..];

        using var http = _host.Http();
        using var one = JsonDocument.Parse(await http.GetStringAsync($"/services/{id}"));
        var description = one.RootElement.GetProperty("description").GetString()!;
        Assert.True(description.Contains("supported contact") && !description.Contains("supervised"),
            $"policy 1.2 / MOU 2.1.2: only contact types accredited now may be advertised, but the feed says \"{description}\"");
        using var listed = JsonDocument.Parse(await http.GetStringAsync("/services?search=standard%20only&per_page=100"));
        var entry = listed.RootElement.GetProperty("contents").EnumerateArray().Single(s => s.GetProperty("id").GetString() == OrukIds.Service(id));
        Assert.False(entry.GetProperty("description").GetString()!.Contains("supervised"), "policy 1.2: the list must not advertise supervised contact either");
    }

    [Fact]
    public async Task The_404_for_a_service_not_accredited_now_names_policy_1_2()
    {
        var index = _host.Get<RegisterIndex>();
        var unaccredited = index.All().First(c => !AccreditationRules.IsAccreditedAtAnyLevel(c, Today));
        using var http = _host.Http();
        using var response = await http.GetAsync($"/services/{unaccredited.Id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("policy 1.2", problem.RootElement.GetProperty("clause").GetString());
    }

    [Fact]
    public async Task Community_services_have_no_address_and_only_coarse_coordinates_in_the_open_feed()
    {
        var community = _host.Get<RegisterIndex>().All()
            .First(c => c.Setting == Setting.Community && AccreditationRules.IsAccreditedAtAnyLevel(c, Today));
        using var http = _host.Http();
        var body = await http.GetStringAsync($"/services/{community.Id}");
        using var json = JsonDocument.Parse(body);
        var location = json.RootElement.GetProperty("service_at_locations")[0].GetProperty("location");
        Assert.Empty(location.GetProperty("addresses").EnumerateArray());
        foreach (var line in community.AddressLines) Assert.DoesNotContain(line, body);
        Assert.DoesNotContain(community.Postcode, body);
        var (lat, lon) = (location.GetProperty("latitude").GetDouble(), location.GetProperty("longitude").GetDouble());
        Assert.Equal(0, Math.Round(lat / OrukMapper.CommunityGridDegrees, 6) % 1);
        Assert.Equal(0, Math.Round(lon / OrukMapper.CommunityGridDegrees, 6) % 1);
        Assert.True(Math.Abs(lat - community.Latitude) <= OrukMapper.CommunityGridDegrees / 2 + 1e-9);

        var centreBased = _host.Get<RegisterIndex>().All()
            .First(c => c.Setting == Setting.CentreBased && AccreditationRules.IsAccreditedAtAnyLevel(c, Today));
        using var open = JsonDocument.Parse(await http.GetStringAsync($"/services/{centreBased.Id}"));
        var address = open.RootElement.GetProperty("service_at_locations")[0].GetProperty("location").GetProperty("addresses")[0];
        Assert.Equal(centreBased.Postcode, address.GetProperty("postal_code").GetString());
        Assert.Equal(centreBased.AddressLines[0], address.GetProperty("address_1").GetString());
    }

    [Fact]
    public async Task Postcode_and_proximity_in_metres_filter_and_order_by_distance_and_search_filters_text()
    {
        using var http = _host.Http();
        using var near = JsonDocument.Parse(await http.GetStringAsync("/services?postcode=LS1%204AP&proximity=25000&per_page=200"));
        var origin = _host.Get<Contact.Server.Storage.PostcodeDirectory>().Resolve("LS1 4AP", "postcode").Point;
        var distances = near.RootElement.GetProperty("contents").EnumerateArray().Select(s =>
        {
            var l = s.GetProperty("service_at_locations")[0].GetProperty("location");
            return new GeoPoint(l.GetProperty("latitude").GetDouble(), l.GetProperty("longitude").GetDouble()).DistanceKmTo(origin);
        }).ToList();
        Assert.NotEmpty(distances);
        Assert.All(distances, d => Assert.True(d <= 25.001));
        Assert.Equal(distances.Order(), distances);

        using var leeds = JsonDocument.Parse(await http.GetStringAsync("/services?search=leeds"));
        Assert.All(leeds.RootElement.GetProperty("contents").EnumerateArray(), s =>
            Assert.Contains("leeds", (s.GetProperty("name").GetString() + s.GetProperty("organization").GetProperty("name").GetString() + s.GetProperty("service_at_locations")[0].GetProperty("location").GetProperty("name").GetString()).ToLowerInvariant() + _host.Get<RegisterIndex>().All().Single(c => OrukIds.Service(c.Id) == s.GetProperty("id").GetString()).Town.ToLowerInvariant()));
        Assert.True(leeds.RootElement.GetProperty("total_items").GetInt32() > 0);
    }

    [Theory]
    [InlineData("/services?per_page=0")]
    [InlineData("/services?page=abc")]
    [InlineData("/services?proximity=1000")]
    [InlineData("/services?postcode=not-a-postcode")]
    public async Task Bad_parameters_are_400_problems(string url)
    {
        using var http = _host.Http();
        using var response = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_feed_is_read_only()
    {
        using var http = _host.Http();
        var count = _host.Get<RegisterIndex>().Count;
        // Only GET is mapped: anything else finds no endpoint (404 or 405, never a handler).
        using var post = await http.PostAsync("/services", new StringContent("{}"));
        Assert.Contains(post.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        using var delete = await http.DeleteAsync($"/services/{_host.Get<RegisterIndex>().All().First().Id}");
        Assert.Contains(delete.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        Assert.Equal(count, _host.Get<RegisterIndex>().Count);
    }

    [Fact]
    public async Task Cors_preflight_and_simple_requests_answer_as_the_oruk_profile_requires()
    {
        using var http = _host.Http();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/services?per_page=5");
        preflight.Headers.Add("Origin", "https://directory.council.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        using var answer = await http.SendAsync(preflight);
        Assert.True(answer.IsSuccessStatusCode, $"preflight: {(int)answer.StatusCode}");
        Assert.Equal("*", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("GET", string.Join(",", answer.Headers.GetValues("Access-Control-Allow-Methods")));

        foreach (var path in new[] { "/", "/services", "/taxonomies", "/services?per_page=0" })
        {
            using var simple = new HttpRequestMessage(HttpMethod.Get, path);
            simple.Headers.Add("Origin", "https://directory.council.example");
            using var response = await http.SendAsync(simple);
            Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        }
    }

    [Fact]
    public async Task The_root_names_the_version_the_profile_and_the_openapi_url()
    {
        using var http = _host.Http();
        using var root = JsonDocument.Parse(await http.GetStringAsync("/"));
        Assert.Equal("3.0", root.RootElement.GetProperty("version").GetString());
        Assert.StartsWith("https://github.com/openreferral/uk-profile", root.RootElement.GetProperty("profile").GetString());
        Assert.EndsWith("/openapi.json", root.RootElement.GetProperty("openapi_url").GetString());
    }

    [Fact]
    public async Task Policy_1_2_taxonomy_term_filter_lists_only_services_accredited_now_for_that_contact_type()
    {
        using var http = _host.Http();
        var supervised = OrukTaxonomies.For(ContactKind.Supervised);
        var expected = _host.Get<RegisterIndex>().All()
            .Where(c => AccreditationRules.IsAccreditedFor(c, ContactKind.Supervised, Today)).Select(c => OrukIds.Service(c.Id)).ToHashSet();
        using var page = JsonDocument.Parse(await http.GetStringAsync($"/services?taxonomy_term_id={supervised.Id}&per_page=200"));
        var ids = page.RootElement.GetProperty("contents").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToHashSet();
        Assert.True(expected.SetEquals(ids), $"expected {expected.Count}, got {ids.Count}");
        Assert.True(ids.Count < _host.Get<RegisterIndex>().All().Count(c => OrukMapper.IsListed(c, Today)), "the filter must filter");
        foreach (var s in page.RootElement.GetProperty("contents").EnumerateArray())
            Assert.Contains(s.GetProperty("attributes").EnumerateArray(), a => a.GetProperty("taxonomy_term_id").GetString() == supervised.Id);

        using var other = JsonDocument.Parse(await http.GetStringAsync($"/services?taxonomy_id={Guid.NewGuid()}"));
        Assert.Equal(0, other.RootElement.GetProperty("total_items").GetInt32());
    }

    [Fact]
    public async Task Organization_modified_after_and_schedule_filters_are_honoured()
    {
        using var http = _host.Http();
        var listed = _host.Get<RegisterIndex>().All().Where(c => OrukMapper.IsListed(c, Today)).ToList();
        var organization = listed.GroupBy(OrukMapper.OrganizationId).OrderByDescending(g => g.Count()).First();
        using var byOrg = JsonDocument.Parse(await http.GetStringAsync($"/services?organization_id={organization.Key}&per_page=200"));
        Assert.Equal(organization.Count(), byOrg.RootElement.GetProperty("total_items").GetInt32());

        var future = Uri.EscapeDataString(_host.Clock.GetUtcNow().AddDays(1).ToString("O"));
        using var none = JsonDocument.Parse(await http.GetStringAsync($"/services?modified_after={future}"));
        Assert.Equal(0, none.RootElement.GetProperty("total_items").GetInt32());
        using var all = JsonDocument.Parse(await http.GetStringAsync("/services?modified_after=2000-01-01T00:00:00Z"));
        Assert.Equal(listed.Count, all.RootElement.GetProperty("total_items").GetInt32());

        var saturday = listed.Count(c => c.OpeningSessions.Any(s => s.Day == DayOfWeek.Saturday));
        using var sat = JsonDocument.Parse(await http.GetStringAsync("/service_at_locations?day=SA&per_page=200"));
        Assert.Equal(saturday, sat.RootElement.GetProperty("total_items").GetInt32());
        var morning = listed.Count(c => c.OpeningSessions.Any(s => s.Day == DayOfWeek.Saturday && s.Closes <= new TimeOnly(13, 0)));
        using var satMorning = JsonDocument.Parse(await http.GetStringAsync("/services?day=saturday&end_time=13:00"));
        Assert.Equal(morning, satMorning.RootElement.GetProperty("total_items").GetInt32());
    }

    [Theory]
    [InlineData("/services?minimum_age=5", "minimum_age")]
    [InlineData("/services?maximum_age=12", "maximum_age")]
    [InlineData("/services?minimal=true", "minimal")]
    [InlineData("/service_at_locations?full=true", "full")]
    [InlineData("/services?taxonomy_term_id=supervised", "taxonomy_term_id")]
    [InlineData("/services?organization_id=charity-1", "organization_id")]
    [InlineData("/services?modified_after=yesterday", "modified_after")]
    [InlineData("/services?day=Funday", "day")]
    [InlineData("/services?start_time=9am", "start_time")]
    [InlineData("/services?format=ndjson", "format")]
    [InlineData("/services?pageSize=abc", "pageSize")]
    [InlineData("/organizations?search=x", "search")]
    [InlineData("/taxonomy_terms?per_page=abc", "per_page")]
    [InlineData("/services/0b6a4a3e-3c55-4f25-9f0e-5f8c1c7a1d42?full=true", "full")]
    public async Task Every_parameter_the_feed_does_not_honour_is_refused_by_name(string url, string parameter)
    {
        using var http = _host.Http();
        using var response = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), $"the problem must name {parameter}");
    }

    [Fact]
    public async Task The_feed_is_rate_limited_per_client()
    {
        await using var host = await TestHost.StartAsync(settings: new Dictionary<string, string?> { ["Contact:OpenReferral:PermitsPerMinute"] = "3" });
        using var http = host.Http();
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/services")).StatusCode);
        using var refused = await http.GetAsync("/services");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.GetValues("Retry-After").Single());
    }
}
