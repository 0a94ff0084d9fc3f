using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Contact.Server.Domain.Common;
using Contact.Server.Domain.Geo;
using Contact.Server.Domain.Register;
using Contact.Server.Hosting;
using Contact.Server.Storage;
using Microsoft.AspNetCore.RateLimiting;

namespace Contact.Server.OpenReferral;

/// <summary>Settings of the open Open Referral UK feed ("Contact:OpenReferral").</summary>
public sealed class OpenReferralOptions
{
    /// <summary>Requests a client address may make per minute before 429 Too Many Requests.</summary>
    public int PermitsPerMinute { get; set; } = 120;
    /// <summary>The largest page a client may ask for.</summary>
    public int MaxPerPage { get; set; } = 200;
    /// <summary>
    /// How long caches may reuse an answer (Cache-Control max-age): also how long a suspended
    /// centre may still be shown by a directory that caches; revalidating with the ETag is cheap.
    /// </summary>
    public int CacheSeconds { get; set; } = 60;
}

/// <summary>
/// A read-only Open Referral UK 3.0 feed of the accredited register (GET / , /services,
/// /services/{id}) for council service directories. Open, like the directory it feeds, but rate
/// limited per client address; it reads the in-memory register only, never the store.
/// </summary>
public static class OpenReferralFeed
{
    public const string RateLimitPolicy = "open-referral";
    public const string OrukVersion = "3.0";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static IServiceCollection AddOpenReferralFeed(this IServiceCollection services, OpenReferralOptions options)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, options.PermitsPerMinute),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
        return services;
    }

    public static WebApplication MapOpenReferralFeed(this WebApplication app, OpenReferralOptions options)
    {
        var feed = app.MapGroup("").RequireRateLimiting(RateLimitPolicy)
            .WithHttpCaching(TimeSpan.FromSeconds(Math.Max(0, options.CacheSeconds)));
        feed.MapGet("/", () => Results.Json(new { version = OrukVersion, profile = "https://openreferraluk.org" }, Json));
        feed.MapGet("/services", (HttpRequest request, RegisterIndex index, PostcodeDirectory postcodes, TimeProvider time) =>
            ListServices(request, index, postcodes, UkClock.Today(time), options));
        feed.MapGet("/services/{id}", (string id, HttpRequest request, RegisterIndex index, TimeProvider time) =>
        {
            var today = UkClock.Today(time);
            return index.Get(id) is { } centre && OrukMapper.IsListed(centre, today)
                ? Results.Json(OrukMapper.ToService(centre, today, SelfUrl(request, centre.Id)), Json)
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No accredited service has this id.",
                    detail: "Only centres accredited now are published (policy 1.2; MOU 2.1.2).",
                    extensions: new Dictionary<string, object?> { ["clause"] = "policy 1.2" });
        });
        return app;
    }

    private static IResult ListServices(HttpRequest request, RegisterIndex index, PostcodeDirectory postcodes, DateOnly today, OpenReferralOptions options)
    {
        var query = request.Query;
        var errors = new Dictionary<string, string[]>();
        var page = Integer(query, "page", 1, 1, int.MaxValue, errors);
        var perPage = Integer(query, "per_page", 50, 1, options.MaxPerPage, errors);
        // ORUK 3.0 calls the free-text filter "search"; ORUK 1.0 called it "text".
        var text = ((string?)query["search"] ?? (string?)query["text"])?.Trim();
        double? proximityMetres = query.ContainsKey("proximity") ? Integer(query, "proximity", 0, 1, 1_000_000, errors) : null;
        GeoPoint? origin = null;
        if (!string.IsNullOrWhiteSpace(query["postcode"]))
        {
            try { origin = postcodes.Resolve(query["postcode"], "postcode").Point; }
            catch (RuleViolation ex) { errors["postcode"] = [ex.Fields.FirstOrDefault()?.Description ?? ex.Message]; }
        }
        else if (proximityMetres is not null) errors["proximity"] = ["needs a postcode to measure from"];
        if (errors.Count > 0) return Results.ValidationProblem(errors);

        var matches = index.All().Where(c => OrukMapper.IsListed(c, today));
        if (!string.IsNullOrEmpty(text))
            matches = matches.Where(c => Contains(c.DisplayName, text) || Contains(c.OrganisationName, text) || Contains(c.Town, text));
        var ordered = origin is { } from
            ? matches.Select(c => (Centre: c, Metres: OrukMapper.PublicPoint(c).DistanceKmTo(from) * 1000))
                .Where(m => proximityMetres is not { } max || m.Metres <= max)
                .OrderBy(m => m.Metres).ThenBy(m => m.Centre.Id, StringComparer.Ordinal)
                .Select(m => m.Centre).ToList()
            : matches.ToList();

        var totalPages = (ordered.Count + perPage - 1) / perPage;
        var contents = ordered.Skip((int)Math.Min((long)(page - 1) * perPage, int.MaxValue)).Take(perPage)
            .Select(c => OrukMapper.ToService(c, today, SelfUrl(request, c.Id))).ToList();
        return Results.Json(new OrukPage<OrukService>(
            TotalItems: ordered.Count,
            TotalPages: totalPages,
            PageNumber: page,
            Size: contents.Count,
            FirstPage: page == 1,
            LastPage: page >= totalPages,
            Empty: contents.Count == 0,
            Contents: contents), Json);
    }

    private static int Integer(IQueryCollection query, string name, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        var raw = (string?)query[name];
        if (string.IsNullOrEmpty(raw)) return fallback;
        if (int.TryParse(raw, out var value) && value >= min && value <= max) return value;
        errors[name] = [$"must be a whole number from {min} to {max}"];
        return fallback;
    }

    private static bool Contains(string haystack, string needle) => haystack.Contains(needle, StringComparison.OrdinalIgnoreCase);

    private static string SelfUrl(HttpRequest request, string id) => $"{request.Scheme}://{request.Host}{request.PathBase}/services/{Uri.EscapeDataString(id)}";
}
