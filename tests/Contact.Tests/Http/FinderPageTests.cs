using System.Net;
using System.Text.RegularExpressions;
using Contact.Server.Domain.Register;
using Contact.Server.Finder;
using Contact.Tests.Support;
using V1 = Contact.V1;

namespace Contact.Tests.Http;

/// <summary>
/// The public find-a-centre page (/find) in the in-process host: the same answer as
/// FindNearestCentres, least disclosure, encoded output, errors, caching and the rate limit. The
/// browser suite (tests/browser) drives the same page in chromium against the real server process.
/// </summary>
public sealed partial class FinderPageTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(demo: true);
    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static List<string> Listed(string html) => ListedCentre().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [Theory]
    [InlineData("LS1 4AP", "supervised", "any", 25)]
    [InlineData("LS1 4AP", "supported", "any", 25)]
    [InlineData("LS1", "handover", "centre", 50)]
    [InlineData("CR0 1AA", "indirect", "community", 50)]
    [InlineData("NG1 5HJ", "supported", "centre", 10)]
    [InlineData("NW1", "supervised", "community", 50)]
    public async Task Policy_1_2_the_page_lists_exactly_what_FindNearestCentres_answers(string postcode, string type, string setting, int miles)
    {
        var kind = FinderWords.Kinds.Single(k => k.Value == type).Kind;
        var practitioner = await _host.ClientAsync(V1.Role.Practitioner);
        var answer = await practitioner.Register.FindNearestCentresAsync(new V1.FindNearestCentresRequest
        {
            Postcode = postcode,
            ContactType = (V1.ContactType)kind,
            Setting = (V1.DeliverySetting)FinderWords.Settings.Single(s => s.Value == setting).Setting,
            MaxDistanceKm = miles * Server.Domain.Geo.GeoPoint.KmPerMile,
        });

        using var http = _host.Http();
        var html = await http.GetStringAsync($"/find/results?postcode={Uri.EscapeDataString(postcode)}&type={type}&setting={setting}&distance={miles}");
        Assert.Equal(answer.Results.Select(r => r.Summary.Name), Listed(html));
    }

    [Fact]
    public async Task Mou_2_1_2_a_centre_suspended_through_the_API_is_gone_from_the_next_search()
    {
        using var http = _host.Http();
        const string search = "/find/results?postcode=LS1+4AP&type=supervised";
        var before = Listed(await http.GetStringAsync(search));
        Assert.NotEmpty(before);

        var naccc = await _host.ClientAsync(V1.Role.Naccc);
        await naccc.Register.RecordAccreditationDecisionAsync(new V1.RecordAccreditationDecisionRequest
        {
            Centre = before[0], Level = V1.AccreditationLevel.Enhanced, Action = V1.AccreditationAction.Suspend, Reason = "Standards concern",
        });
        var after = Listed(await http.GetStringAsync(search));
        Assert.DoesNotContain(before[0], after);
        Assert.Equal(before.Skip(1).Take(after.Count), after.Take(before.Count - 1));
        // Its details page no longer claims supervised contact: it still opens while the centre is
        // accredited for supported contact, else it is not found.
        using var details = await http.GetAsync($"/find/centres/{before[0]["centres/".Length..]}");
        if (details.StatusCode == HttpStatusCode.OK)
            Assert.DoesNotContain("Supervised contact", DetailsList().Match(await details.Content.ReadAsStringAsync()).Value);
        else Assert.Equal(HttpStatusCode.NotFound, details.StatusCode);
    }

    [Fact]
    public async Task Register_text_is_html_encoded_on_every_page()
    {
        var naccc = await _host.ClientAsync(V1.Role.Naccc);
        var centre = Centres.Valid("<script>alert('x')</script> & \"Co\"", 53.7997, -1.5492, V1.ContactType.Supported);
        centre.Address = new V1.PostalAddress { Lines = { "<img src=x onerror=alert(1)>" }, Town = "Leeds", Postcode = "LS1 4AP" };
        var created = await naccc.Register.CreateCentreAsync(new V1.CreateCentreRequest { Centre = centre });
        await naccc.Register.RecordAccreditationDecisionAsync(new V1.RecordAccreditationDecisionRequest
        {
            Centre = created.Name, Level = V1.AccreditationLevel.Standard, Action = V1.AccreditationAction.Grant, Reason = "Panel decision",
        });

        using var http = _host.Http();
        var results = await http.GetStringAsync("/find/results?postcode=LS1+4AP&type=supported&postcode2=%3Cb%3E");
        var details = await http.GetStringAsync($"/find/centres/{created.Name["centres/".Length..]}?type=%22%3E%3Cscript%3E");
        foreach (var html in new[] { results, details })
        {
            Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;Co&quot;", html);
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<img src=x", html);
        }
        Assert.DoesNotContain("\"><script>", details);
    }

    [Fact]
    public async Task Community_services_show_no_address_on_the_results_or_details_page()
    {
        var today = Server.Domain.Common.UkClock.Today(_host.Clock);
        var community = _host.Get<RegisterIndex>().All()
            .First(c => c.Setting == Setting.Community && AccreditationRules.IsAccreditedFor(c, ContactKind.Supervised, today));
        using var http = _host.Http();
        var details = await http.GetStringAsync($"/find/centres/{community.Id}?type=supervised");
        var district = community.Postcode.Split(' ')[0];
        var results = await http.GetStringAsync($"/find/results?postcode={district}&type=supervised&setting=community&distance=50");
        Assert.Contains(community.ResourceName, Listed(results));
        foreach (var html in new[] { details, results })
        {
            Assert.Contains("is not published", html);
            foreach (var line in community.AddressLines.Where(l => l.Length > 0)) Assert.DoesNotContain(line, html);
            Assert.DoesNotContain(community.Postcode, html);
        }
        // Distance to a community service is rounded to whole miles ("About N miles").
        Assert.Matches(@"About \d+ miles?|About 1 mile", results);
    }

    [Theory]
    [InlineData("/find/results?type=supervised&postcode=NOT+A+POSTCODE+9", HttpStatusCode.BadRequest, "postcode")]
    [InlineData("/find/results?type=supervised&postcode=NOT+A+TOWN", HttpStatusCode.NotFound, "postcode")]
    [InlineData("/find/results?type=supervised&postcode=TR9+9ZZ", HttpStatusCode.NotFound, "postcode")]
    [InlineData("/find/results?type=supervised&postcode=", HttpStatusCode.BadRequest, "postcode")]
    [InlineData("/find/results?postcode=LS1+4AP", HttpStatusCode.BadRequest, "type")]
    [InlineData("/find/results?postcode=LS1+4AP&type=supported&distance=7", HttpStatusCode.BadRequest, "distance")]
    [InlineData("/find/results?type=supported&lat=91&lon=0", HttpStatusCode.BadRequest, "postcode")]
    public async Task Bad_searches_get_the_form_again_with_a_govuk_error_summary_linked_to_the_field(string url, HttpStatusCode status, string field)
    {
        using var http = _host.Http();
        using var response = await http.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<title>Error: {FinderWords.ServiceName}</title>", html);
        Assert.Contains($"<li><a href=\"#{field}\">", html);
        Assert.Contains($"id=\"{field}\"", html);
        Assert.Contains($"id=\"{field}-error\"", html);
        Assert.DoesNotContain("Exception", html);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Unknown_or_unaccredited_centres_and_paths_get_the_not_found_page()
    {
        var today = Server.Domain.Common.UkClock.Today(_host.Clock);
        var unaccredited = _host.Get<RegisterIndex>().All().First(c => !AccreditationRules.IsAccreditedAtAnyLevel(c, today));
        using var http = _host.Http();
        foreach (var path in new[] { "/find/centres/nope", $"/find/centres/{unaccredited.Id}", "/find/elsewhere/deeper", "/find/assets/other.css" })
        {
            using var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Pages_are_cacheable_with_an_etag_and_revalidated_and_set_no_cookie()
    {
        using var http = _host.Http();
        using var first = await http.GetAsync("/find/results?postcode=LS1+4AP&type=supported");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("public, max-age=0", first.Headers.CacheControl?.ToString());
        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.Equal("no-referrer", first.Headers.GetValues("Referrer-Policy").Single());
        var etag = first.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, "/find/results?postcode=LS1+4AP&type=supported");
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var other = new HttpRequestMessage(HttpMethod.Get, "/find/results?postcode=LS1+4AP&type=supervised");
        other.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(other)).StatusCode);
    }

    [Fact]
    public async Task Assets_are_compressed_and_immutable_and_the_page_links_their_current_version()
    {
        using var http = _host.Http();
        var page = await http.GetStringAsync("/find");
        var css = Regex.Match(page, "href=\"(/find/assets/finder\\.css\\?v=[0-9a-f]{16})\"").Groups[1].Value;
        Assert.NotEmpty(css);
        using var request = new HttpRequestMessage(HttpMethod.Get, css);
        request.Headers.AcceptEncoding.ParseAdd("br");
        using var response = await http.SendAsync(request);
        Assert.Equal("br", response.Content.Headers.ContentEncoding.Single());
        Assert.Equal("public, max-age=31536000", response.Headers.CacheControl?.ToString());
        Assert.InRange((await response.Content.ReadAsByteArrayAsync()).Length, 1_000, 40_000);
    }

    [Fact]
    public async Task The_page_is_rate_limited_by_the_open_feeds_policy()
    {
        await using var host = await TestHost.StartAsync(settings: new Dictionary<string, string?> { ["Contact:OpenReferral:PermitsPerMinute"] = "3" });
        using var http = host.Http();
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/find")).StatusCode);
        using var refused = await http.GetAsync("/find/results?postcode=LS1&type=supported");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.GetValues("Retry-After").Single());
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1 class=\"govuk-heading-l\">Too many searches</h1>", await refused.Content.ReadAsStringAsync());
        // The budget is the feed's: the feed is refused too, with its own (empty) answer.
        using var feed = await http.GetAsync("/services");
        Assert.Equal(HttpStatusCode.TooManyRequests, feed.StatusCode);
        Assert.DoesNotContain("<html", await feed.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("LS1 4AP", "LS1")]
    [InlineData("ls14ap", "LS1")]
    [InlineData("SW1A 1AA", "SW1A")]
    [InlineData("LS1", "LS1")]
    [InlineData("not a postcode", "malformed")]
    public void A_log_line_holds_at_most_the_postcode_district(string typed, string logged) =>
        Assert.Equal(logged, FinderEndpoints.District(typed));

    [GeneratedRegex("<li class=\"app-result\" data-centre=\"([^\"]+)\"")]
    private static partial Regex ListedCentre();

    [GeneratedRegex("<dl class=\"govuk-summary-list\" id=\"details\">.*?</dl>", RegexOptions.Singleline)]
    private static partial Regex DetailsList();
}
