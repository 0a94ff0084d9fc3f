using System.Net;
using System.Net.Http.Headers;
using Contact.Server.Domain.Register;
using Contact.Tests.Support;

namespace Contact.Tests.Http;

/// <summary>HTTP caching of the open endpoints (Hosting/HttpCaching): ETag, Cache-Control, 304.</summary>
public sealed class HttpCachingTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(demo: true);
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/services?per_page=5")]
    [InlineData("/")]
    public async Task The_feed_has_an_etag_and_cache_control_and_answers_304_to_a_matching_if_none_match(string url)
    {
        using var http = _host.Http();
        using var first = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        Assert.False(tag.IsWeak);
        Assert.True(first.Headers.CacheControl is { Public: true, MaxAge: not null }, $"Cache-Control: {first.Headers.CacheControl}");
        var body = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal(body.Length, first.Content.Headers.ContentLength);

        // The same answer twice has the same tag.
        using var again = await http.GetAsync(url);
        Assert.Equal(tag, again.Headers.ETag);

        foreach (var offered in new[] { tag.Tag, "W/" + tag.Tag, "\"other\", " + tag.Tag, "*" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("If-None-Match", offered);
            using var revalidated = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
            Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
            Assert.Equal(tag, revalidated.Headers.ETag);
            Assert.NotNull(revalidated.Headers.CacheControl);
        }

        using var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"not-the-current-one\""));
        using var full = await http.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal(body, await full.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_tag_changes_when_the_answer_does()
    {
        using var http = _host.Http();
        var id = _host.Get<RegisterIndex>().All().First(c => AccreditationRules.IsAccreditedAtAnyLevel(c, Contact.Server.Domain.Common.UkClock.Today(_host.Clock))).Id;
        using var before = await http.GetAsync($"/services/{id}");
        var naccc = await _host.ClientAsync(Contact.V1.Role.Naccc);
        var centre = await naccc.Register.GetCentreAsync(new Contact.V1.GetCentreRequest { Name = $"centres/{id}" });
        centre.DisplayName += " (renamed)";
        await naccc.Register.UpdateCentreAsync(new Contact.V1.UpdateCentreRequest
        {
            Centre = centre, UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "display_name" } },
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/services/{id}");
        request.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        using var after = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Contains("(renamed)", await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Refusals_are_not_tagged_or_cached()
    {
        using var http = _host.Http();
        using var refused = await http.GetAsync("/services?per_page=0");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Null(refused.Headers.ETag);
        Assert.Null(refused.Headers.CacheControl);
    }
}
