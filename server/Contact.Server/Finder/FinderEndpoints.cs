using System.Diagnostics;
using System.Globalization;
using System.Text;
using Contact.Server.Domain.Common;
using Contact.Server.Domain.Geo;
using Contact.Server.Domain.Postcodes;
using Contact.Server.Domain.Register;
using Contact.Server.Hosting;
using Contact.Server.OpenReferral;
using Contact.Server.Storage;
using Contact.Server.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.ResponseCompression;

namespace Contact.Server.Finder;

/// <summary>
/// The public "find an accredited child contact centre" page on the HTTP listener: /find (the
/// form), /find/results (a form GET, so it works without script), /find/centres/{id} and the two
/// static assets. Open like the Open Referral feed and rate limited by the same policy; it asks the
/// domain's <see cref="NearestCentresQuery"/>, the same question as FindNearestCentres. It collects
/// nothing: no cookies, no analytics, and the one log line per search names the postcode district only.
/// </summary>
public static class FinderEndpoints
{
    /// <summary>How many centres a search lists (FindNearestCentres' default).</summary>
    public const int ResultLimit = 10;

    public static IServiceCollection AddFinder(this IServiceCollection services)
    {
        services.AddSingleton<FinderAssets>();
        services.AddSingleton<FinderPages>();
        // The open feed's limiter answers 429 with an empty body; a parent gets a page saying so.
        // Configured after the feed's (AddFinder is called after AddOpenReferralFeed), so it wraps it.
        services.Configure<RateLimiterOptions>(limiter =>
        {
            var feeds = limiter.OnRejected;
            limiter.OnRejected = async (context, cancel) =>
            {
                if (feeds is not null) await feeds(context, cancel);
                var http = context.HttpContext;
                if (!http.Request.Path.StartsWithSegments("/find")) return;
                http.Response.ContentType = "text/html; charset=utf-8";
                http.Response.Headers.CacheControl = "no-store";
                await http.Response.WriteAsync(http.RequestServices.GetRequiredService<FinderPages>().TooManyRequests(), cancel);
            };
        });
        services.AddResponseCompression(options =>
        {
            // Only the finder's pages use this (see MapFinder); the assets come precompressed. The
            // pages hold no secret, so compressing them beside the echoed postcode leaks nothing.
            options.EnableForHttps = true;
            options.MimeTypes = ["text/html"];
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        return services;
    }

    public static WebApplication MapFinder(this WebApplication app)
    {
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/find"), branch => branch.UseResponseCompression());
        // Assets: their URLs carry a hash of their content, so a year is safe.
        app.MapGet("/find/assets/{name}", (string name, HttpContext http, FinderAssets assets) => assets.Serve(name, http))
            .WithHttpCaching(TimeSpan.FromDays(365))
            .WithOperation(Html("getFinderAsset", "A finder asset", "The page's stylesheet and images, named by a hash of their content.")
                with { TextContentType = "application/octet-stream", Parameters = [new("name", "path", "The asset's hashed file name.")] });
        // Pages: cacheable but stale at once, so every use revalidates (ETag, 304) and a suspended
        // centre disappears on the very next search (MOU 2.1.2).
        var pages = app.MapGroup("/find").RequireRateLimiting(OpenReferralFeed.RateLimitPolicy).WithHttpCaching(TimeSpan.Zero);
        // For benchmarks (Contact:ServerTiming, as for gRPC): the handler's time, postcode to HTML.
        if (app.Services.GetRequiredService<ContactOptions>().ServerTiming)
            pages.AddEndpointFilter(async (context, next) =>
            {
                var started = Stopwatch.GetTimestamp();
                var result = await next(context);
                context.HttpContext.Response.Headers["Server-Timing"] =
                    $"render;dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("0.000", CultureInfo.InvariantCulture)}";
                return result;
            });
        pages.MapGet("", (HttpContext http, FinderPages html) => Page(http, 200, html.Search(Form(http.Request), [])))
            .WithOperation(Html("getFinder", "Find a centre", "The public search form (HTML)."));
        pages.MapGet("/results", ResultsPage)
            .WithOperation(Html("getFinderResults", "Find a centre: results", "The nearest accredited centres to a postcode or a point (HTML).")
                with { Parameters = FinderParameters });
        pages.MapGet("/centres/{id}", Details)
            .WithOperation(Html("getFinderCentre", "A centre's page", "One accredited centre (HTML); the feed's rules of disclosure apply.")
                with { Parameters = [new("id", "path", "The centre's register id.", Example: "demo0001")] });
        pages.MapGet("/{**rest}", (HttpContext http) => NotFoundPage(http))
            .WithOperation(Html("getFinderNotFound", "The finder's not-found page", "Any other path under /find: a 404 page in the finder's style."));
        return app;
    }

    private static IResult ResultsPage(HttpContext http, FinderPages html, RegisterIndex index, PostcodeDirectory postcodes, TimeProvider time, ILoggerFactory logs)
    {
        var form = Form(http.Request);
        var errors = new List<FormError>();
        var kind = FinderWords.Kinds.FirstOrDefault(k => k.Value == form.Type).Kind;
        if (kind == ContactKind.Unspecified) errors.Add(new("type", "Select the kind of contact"));
        var setting = FinderWords.Settings.FirstOrDefault(s => s.Value == form.Setting);
        if (setting.Value is null) errors.Add(new("setting", "Select centre-based, in the community, or either"));
        var miles = FinderWords.DistancesMiles.FirstOrDefault(m => m.ToString(CultureInfo.InvariantCulture) == form.Distance);
        if (miles == 0) errors.Add(new("distance", "Select how far you can travel"));

        GeoPoint? origin = null;
        string originLabel = "";
        string? originNote = null;
        var status = StatusCodes.Status400BadRequest;
        var district = "none";
        if (form.Latitude.Length > 0 || form.Longitude.Length > 0)
        {
            if (double.TryParse(form.Latitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                && double.TryParse(form.Longitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                && GeoPoint.IsValid(lat, lon))
            {
                origin = new GeoPoint(lat, lon);
                originLabel = "your location";
                district = "location";
            }
            else errors.Add(new("postcode", "Your location could not be used: enter a postcode instead"));
        }
        else if (form.Postcode.Trim().Length == 0) errors.Add(new("postcode", "Enter a postcode or a town"));
        else if (LooksLikePostcode(form.Postcode))
        {
            district = District(form.Postcode);
            try
            {
                var resolved = postcodes.Resolve(form.Postcode, "postcode");
                origin = resolved.Point;
                originLabel = resolved.Normalised;
            }
            catch (RuleViolation ex) when (ex.Kind == RefusalKind.NotFound)
            {
                errors.Add(new("postcode", "We could not find that postcode: check it, or enter the first half only, like LS1"));
                if (errors.Count == 1) status = StatusCodes.Status404NotFound;
            }
            catch (RuleViolation)
            {
                errors.Add(new("postcode", "Enter a full UK postcode, like LS1 4AP, or the first half, like LS1"));
            }
        }
        else
        {
            // A town is no personal data, but only a town the register knows is logged by name.
            district = "town";
            switch (index.Towns.Find(form.Postcode))
            {
                case TownMatch.Found(var town):
                    origin = town.Point;
                    originLabel = town.Name;
                    originNote = $"Distances are from the middle of {town.Name}, where its centres are. Enter your postcode for distances from your home.";
                    district = $"town {town.Label}";
                    break;
                case TownMatch.Ambiguous(var towns):
                    errors.Add(new("postcode", $"More than one town on the register is called {towns[0].Name}: enter {Either(towns)}, or a postcode"));
                    break;
                case TownMatch.Unknown(var suggestions):
                    errors.Add(new("postcode", suggestions.Count == 0
                        ? "We could not find a town of that name with a centre on the register: check the spelling, or enter a postcode"
                        : $"We could not find a town of that name with a centre on the register: did you mean {Either(suggestions)}? Or enter a postcode"));
                    if (errors.Count == 1) status = StatusCodes.Status404NotFound;
                    break;
            }
        }
        var log = logs.CreateLogger("Contact.Server.Finder");
        if (errors.Count > 0 || origin is null)
        {
            log.LogInformation("Find-a-centre search refused ({Status}) from district {District}: {Fields}", status, district, string.Join(",", errors.Select(e => e.Field)));
            return Page(http, status, html.Search(form, Order(errors)));
        }

        var today = UkClock.Today(time);
        var query = new NearestCentresQuery(origin.Value, kind, setting.Setting, CommissionedOnly: false,
            MaxDistanceKm: miles * GeoPoint.KmPerMile, Limit: ResultLimit);
        var found = query.Run(index, today).Select(r => new FoundCentre(r.Centre, r.DistanceKm, origin.Value)).ToList();
        log.LogInformation("Find-a-centre search from district {District}: {ContactType}, {Setting}, {Miles} miles, {Results} results",
            district, kind, setting.Setting, miles, found.Count);
        return Page(http, StatusCodes.Status200OK, html.Results(form, kind, originLabel, miles, found, today, originNote));
    }

    private static IResult Details(string id, HttpContext http, FinderPages html, RegisterIndex index, TimeProvider time)
    {
        var today = UkClock.Today(time);
        // Listed only while accredited at some level today, like the open feed (policy 1.2; MOU 2.1.2).
        if (index.Get(id) is not { } centre || !OrukMapper.IsListed(centre, today)) return NotFoundPage(http);
        var form = Form(http.Request);
        var kind = FinderWords.Kinds.FirstOrDefault(k => k.Value == form.Type).Kind;
        return Page(http, StatusCodes.Status200OK, html.Details(centre, form, kind == ContactKind.Unspecified ? null : kind, today));
    }

    /// <summary>
    /// A postcode or a district has a digit in it and a town's name has none: text with a digit is
    /// read as a postcode (and refused as a malformed one), anything else as a town.
    /// </summary>
    internal static bool LooksLikePostcode(string text) => text.Any(char.IsAsciiDigit);

    /// <summary>"A", "A or B", "A, B or C": the towns a person may have meant, as they would type them.</summary>
    private static string Either(IReadOnlyList<Town> towns)
    {
        // The region is needed only where two towns share a name.
        var labels = towns.Select(t => towns.Count(o => TownGazetteer.Key(o.Name) == TownGazetteer.Key(t.Name)) > 1 ? $"“{t.Label}”" : t.Name).ToList();
        return labels.Count == 1 ? labels[0] : $"{string.Join(", ", labels.SkipLast(1))} or {labels[^1]}";
    }

    internal static IResult NotFoundPage(HttpContext http) =>
        Page(http, StatusCodes.Status404NotFound, http.RequestServices.GetRequiredService<FinderPages>().NotFound());

    /// <summary>The errors in the order of the fields on the page, as the error summary lists them.</summary>
    private static List<FormError> Order(List<FormError> errors)
    {
        string[] fields = ["type", "postcode", "setting", "distance"];
        return errors.OrderBy(e => Array.IndexOf(fields, e.Field)).ToList();
    }

    /// <summary>How the finder's routes appear in /openapi.json: open HTML pages.</summary>
    private static HttpOperation Html(string id, string summary, string description) =>
        new(id, "Find a centre", summary, description) { TextContentType = "text/html", Problems = false };

    private static readonly HttpParameter[] FinderParameters =
    [
        new("postcode", "query", "A UK postcode or postcode district, or a town on the register (\"Newport, Wales\" where two share a name), to search from.", Example: "LS1 4AP"),
        new("type", "query", "The contact type: supported or supervised."),
        new("setting", "query", "Centre-based, community, or either."),
        new("distance", "query", "How far, in miles."),
        new("lat", "query", "Latitude to search from, instead of a postcode."),
        new("lon", "query", "Longitude to search from, instead of a postcode."),
    ];

    private static SearchForm Form(HttpRequest request)
    {
        var q = request.Query;
        // Bounded: the values are echoed into the page and nothing longer is meaningful.
        static string Value(IQueryCollection q, string name, string fallback, int max = 16)
        {
            var v = ((string?)q[name])?.Trim() ?? fallback;
            return v.Length > max ? v[..max] : v;
        }
        return new SearchForm(
            Postcode: Value(q, "postcode", "", max: 60),
            Type: Value(q, "type", ""),
            Setting: Value(q, "setting", SearchForm.Empty.Setting),
            Distance: Value(q, "distance", SearchForm.Empty.Distance),
            Latitude: Value(q, "lat", ""),
            Longitude: Value(q, "lon", ""));
    }

    /// <summary>The most of a postcode a log line may hold: its district (the outward code), or nothing.</summary>
    internal static string District(string text) =>
        Postcode.TryParse(text, out var postcode) ? postcode.Outward
        : Postcode.TryParseDistrict(text, out var outward) ? outward
        : "malformed";

    /// <summary>
    /// A page with the headers every finder page carries: no referrer leaving the site (the URL
    /// holds the postcode), script and styles from this server only. Answers of 200 get their ETag
    /// and Cache-Control from <see cref="HttpCaching"/>; refusals are never stored.
    /// </summary>
    internal static IResult Page(HttpContext http, int status, string html)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers["Permissions-Policy"] = "geolocation=(self), camera=(), microphone=()";
        if (status != StatusCodes.Status200OK) headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
