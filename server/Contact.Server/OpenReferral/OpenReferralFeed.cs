using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Contact.Server.Domain.Common;
using Contact.Server.Domain.Register;
using Contact.Server.Hosting;
using Contact.Server.OpenApi;
using Contact.Server.Storage;

namespace Contact.Server.OpenReferral;

/// <summary>
/// A read-only Open Referral UK 3.0 feed of the accredited register for council service
/// directories: every endpoint of the ORUK API profile the register can fill. Open, like the
/// directory it feeds (CORS for any origin, as the profile requires), rate limited per client
/// address, cacheable (ETag, 304). It reads the in-memory register only, never the store.
/// </summary>
public static class OpenReferralFeed
{
    public const string RateLimitPolicy = "open-referral";
    public const string CorsPolicy = "open-referral";
    public const string OrukVersion = "3.0";
    /// <summary>The profile's home: its schemas and API description.</summary>
    public const string ProfileUrl = "https://github.com/openreferral/uk-profile";
    public const string Clause = "policy 1.2";

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Set, so the OpenAPI document can export the answers' schemas from these same options.
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
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
        // The ORUK API profile: "Access-Control-Allow-Origin: *". Read-only, no credentials.
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .AllowAnyOrigin().WithMethods("GET").AllowAnyHeader()
            .WithExposedHeaders("ETag", "Retry-After", "x-request-id")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        return services;
    }

    public static WebApplication MapOpenReferralFeed(this WebApplication app, OpenReferralOptions options)
    {
        var feed = app.MapGroup("").RequireRateLimiting(RateLimitPolicy).RequireCors(CorsPolicy)
            .WithHttpCaching(TimeSpan.FromSeconds(Math.Max(0, options.CacheSeconds)));
        var max = options.MaxPerPage;

        feed.MapGet("/", (HttpRequest request) => Strict(request, [])
            ?? Results.Json(new OrukApiInfo(OrukVersion, ProfileUrl, $"{Base(request)}/openapi.json"), Json))
            .WithOperation(Operation("getApiInfo", "The API and its profile", "ORUK 3.0: the HSDS version, the profile and where this OpenAPI document is.", typeof(OrukApiInfo), []));

        MapCentreRoutes(feed, max, "/services", OrukMapper.ToService, OrukIds.Service, "service",
            Operation("listServices", "Accredited services", "Every service accredited today at some level (policy 1.2), paged, with filters.", typeof(OrukPage<OrukService>), OrukQuery.ServiceListDocs),
            Operation("getService", "One service", "A service by its id (a UUID; the register id is accepted too). 404 when it is not accredited today.", typeof(OrukService), [Id("service")]));
        MapCentreRoutes(feed, max, "/service_at_locations", OrukMapper.ToServiceAtLocationWithService, OrukIds.ServiceAtLocation, "service at a location",
            Operation("listServiceAtLocations", "Accredited services at their locations", "The services at their locations, each with its service nested; the same filters as /services.", typeof(OrukPage<OrukServiceAtLocation>), OrukQuery.ServiceListDocs),
            Operation("getServiceAtLocation", "One service at its location", "A service at its location by id, with the service nested.", typeof(OrukServiceAtLocation), [Id("service at location")]));

        feed.MapGet("/organizations", (HttpRequest request, RegisterIndex index, TimeProvider time) =>
        {
            var today = UkClock.Today(time);
            var query = OrukQuery.Parse(request.Query, OrukQuery.PagingParameters, max, null);
            if (query.Errors.Count > 0) return Refuse(query.Errors);
            return Results.Json(query.PageOf(Organizations(index, today), OrukMapper.ToOrganization), Json);
        })
            .WithOperation(Operation("listOrganizations", "Organisations", "The organisations running at least one accredited service.", typeof(OrukPage<OrukOrganization>), OrukQuery.PagingDocs));
        feed.MapGet("/organizations/{id}", (string id, HttpRequest request, RegisterIndex index, TimeProvider time) =>
            Strict(request, []) ?? (Organizations(index, UkClock.Today(time)).FirstOrDefault(c => OrukMapper.OrganizationId(c) == id.ToLowerInvariant()) is { } centre
                ? Results.Json(OrukMapper.ToOrganization(centre), Json)
                : NotListed("organization")))
            .WithOperation(Operation("getOrganization", "One organisation", "An organisation by id.", typeof(OrukOrganization), [Id("organization")]));

        feed.MapGet("/taxonomies", (HttpRequest request) =>
        {
            var query = OrukQuery.Parse(request.Query, OrukQuery.PagingParameters, max, null);
            return query.Errors.Count > 0 ? Refuse(query.Errors) : Results.Json(query.PageOf([OrukTaxonomies.ContactTypes], t => t), Json);
        })
            .WithOperation(Operation("listTaxonomies", "Taxonomies", "The one vocabulary the feed uses: the contact types.", typeof(OrukPage<OrukTaxonomy>), OrukQuery.PagingDocs));
        feed.MapGet("/taxonomies/{id}", (string id, HttpRequest request) =>
            Strict(request, []) ?? (string.Equals(id, OrukTaxonomies.ContactTypesId, StringComparison.OrdinalIgnoreCase)
                ? Results.Json(OrukTaxonomies.ContactTypes, Json)
                : NotFound("No taxonomy has this id.", "The feed publishes one taxonomy, the contact types (see /taxonomies).")))
            .WithOperation(Operation("getTaxonomy", "One taxonomy", "A taxonomy by id.", typeof(OrukTaxonomy), [Id("taxonomy")]));
        feed.MapGet("/taxonomy_terms", (HttpRequest request) =>
        {
            var query = OrukQuery.Parse(request.Query, OrukQuery.PagingParameters, max, null);
            return query.Errors.Count > 0 ? Refuse(query.Errors) : Results.Json(query.PageOf(OrukTaxonomies.Terms, t => t.ToOruk()), Json);
        })
            .WithOperation(Operation("listTaxonomyTerms", "Taxonomy terms", "The contact types: supported, supervised, handover, indirect.", typeof(OrukPage<OrukTaxonomyTerm>), OrukQuery.PagingDocs));
        feed.MapGet("/taxonomy_terms/{id}", (string id, HttpRequest request) =>
            Strict(request, []) ?? (OrukTaxonomies.TermById(id.ToLowerInvariant()) is { } term
                ? Results.Json(term.ToOruk(), Json)
                : NotFound("No taxonomy term has this id.", "The terms are the contact types (see /taxonomy_terms).")))
            .WithOperation(Operation("getTaxonomyTerm", "One taxonomy term", "A contact type by id.", typeof(OrukTaxonomyTerm), [Id("taxonomy term")]));
        return app;
    }

    /// <summary>
    /// A paged list and a by-id route over the centres listed today (/services and
    /// /service_at_locations): the same filters, the same lookup, each centre shown by <paramref name="show"/>.
    /// </summary>
    private static void MapCentreRoutes<T>(RouteGroupBuilder feed, int max, string path, Func<Centre, DateOnly, string, T> show,
        Func<string, string> publishedId, string what, HttpOperation list, HttpOperation get)
    {
        feed.MapGet(path, (HttpRequest request, RegisterIndex index, PostcodeDirectory postcodes, TimeProvider time) =>
        {
            var today = UkClock.Today(time);
            var query = OrukQuery.Parse(request.Query, OrukQuery.ServiceListParameters, max, postcodes);
            if (query.Errors.Count > 0) return Refuse(query.Errors);
            var centres = query.Select(Listed(index, today), today);
            return Results.Json(query.PageOf(centres, c => show(c, today, SelfUrl(request, c))), Json);
        })
            .WithOperation(list);
        feed.MapGet(path + "/{id}", (string id, HttpRequest request, RegisterIndex index, TimeProvider time) =>
        {
            var today = UkClock.Today(time);
            return Strict(request, []) ?? (Find(index, id, today, publishedId) is { } centre
                ? Results.Json(show(centre, today, SelfUrl(request, centre)), Json)
                : NotListed(what));
        })
            .WithOperation(get);
    }

    private static HttpOperation Operation(string id, string summary, string description, Type response, IReadOnlyList<HttpParameter> parameters) =>
        new(id, "Open Referral UK", summary, description) { JsonResponse = response, Parameters = parameters };

    private static HttpParameter Id(string what) => new("id", "path", $"The {what}'s id: a UUID, stable across restarts and restores.", Format: "uuid");

    private static IEnumerable<Centre> Listed(RegisterIndex index, DateOnly today) => index.All().Where(c => OrukMapper.IsListed(c, today));

    /// <summary>A listed centre by its published UUID, or by its register id (the feed's ids before ORUK 3.0 conformance).</summary>
    private static Centre? Find(RegisterIndex index, string id, DateOnly today, Func<string, string> publishedId)
    {
        var lower = id.ToLowerInvariant();
        var centre = Guid.TryParse(id, out _) ? index.All().FirstOrDefault(c => publishedId(c.Id) == lower) : index.Get(id);
        return centre is not null && OrukMapper.IsListed(centre, today) ? centre : null;
    }

    /// <summary>One entry per organisation running a listed service, by its published id.</summary>
    private static List<Centre> Organizations(RegisterIndex index, DateOnly today) => Listed(index, today)
        .GroupBy(OrukMapper.OrganizationId)
        .Select(g => g.OrderBy(c => c.Id, StringComparer.Ordinal).First())
        .OrderBy(OrukMapper.OrganizationId, StringComparer.Ordinal)
        .ToList();

    /// <summary>A request with a query parameter the endpoint does not take is refused, naming it.</summary>
    private static IResult? Strict(HttpRequest request, string[] allowed)
    {
        var unknown = request.Query.Keys.Where(k => !allowed.Contains(k)).ToList();
        return unknown.Count == 0 ? null
            : Refuse(unknown.ToDictionary(k => k, _ => new[] { "not a parameter of this endpoint (it takes none)" }));
    }

    internal static IResult Refuse(Dictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "One or more query parameters are not valid.",
            extensions: new Dictionary<string, object?> { ["reason"] = "INVALID_QUERY_PARAMETER" });

    private static IResult NotListed(string what) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No accredited {what} has this id.",
            detail: "Only centres accredited now are published (policy 1.2; MOU 2.1.2).",
            extensions: new Dictionary<string, object?> { ["clause"] = Clause });

    private static IResult NotFound(string title, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);

    private static string Base(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static string SelfUrl(HttpRequest request, Centre centre) => $"{Base(request)}/services/{OrukIds.Service(centre.Id)}";
}
