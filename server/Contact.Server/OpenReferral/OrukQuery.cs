using System.Globalization;
using Contact.Server.Domain.Common;
using Contact.Server.Domain.Geo;
using Contact.Server.Domain.Register;
using Contact.Server.OpenApi;
using Contact.Server.Storage;

namespace Contact.Server.OpenReferral;

/// <summary>
/// The query parameters of the feed's lists. Every parameter the ORUK 3.0 API profile defines is
/// either honoured or refused by name (400), and so is any parameter it does not define: a filter
/// that is silently ignored would hand a directory every service while it believes it asked for some.
/// </summary>
public sealed class OrukQuery
{
    /// <summary>Defined by the profile, understood by nobody here: refused with the reason.</summary>
    private static readonly Dictionary<string, string> Unsupported = new(StringComparer.Ordinal)
    {
        ["minimum_age"] = "not supported: the register records no age limits (centres serve children and their families)",
        ["maximum_age"] = "not supported: the register records no age limits (centres serve children and their families)",
        ["minimal"] = "not supported: lists always carry whole services",
        ["full"] = "not supported: lists always carry whole services",
        ["full_service"] = "not supported: organisations are listed without their services; use /services?organization_id=",
    };

    /// <summary>The parameters of the other lists (/organizations, /taxonomies, /taxonomy_terms), documented.</summary>
    public static readonly IReadOnlyList<HttpParameter> PagingDocs =
    [
        new("page", "query", "Page number, from 1.", "integer", Example: 1),
        new("per_page", "query", "Items a page, 1 to Contact:OpenReferral:MaxPerPage (default 200); default 50.", "integer", Example: 50),
        new("format", "query", "Only \"json\" (the default) is served."),
    ];

    /// <summary>The parameters of the service lists (/services, /service_at_locations), documented.</summary>
    public static readonly IReadOnlyList<HttpParameter> ServiceListDocs =
    [
        .. PagingDocs,
        new("search", "query", "Free text, matched in the service's name, its organisation's name and its town.", Example: "leeds"),
        new("text", "query", "ORUK 1.0's name for search."),
        new("postcode", "query", "A UK postcode: the results are ordered by distance from it.", Example: "LS1 4AP"),
        new("proximity", "query", "Metres from the postcode's centroid (needs postcode). Community services are measured from their coarse point.", "integer"),
        new("taxonomy_term_id", "query", "Services accredited today for this contact type (see /taxonomy_terms).", Format: "uuid"),
        new("taxonomy_id", "query", "Services with any term of this taxonomy: the contact types (see /taxonomies).", Format: "uuid"),
        new("organization_id", "query", "Services of this organisation (see /organizations).", Format: "uuid"),
        new("modified_after", "query", "Services changed on or after this date-time (ISO 8601).", Format: "date-time"),
        new("day", "query", "Open on this day: MO, TU, WE, TH, FR, SA, SU (or the English name)."),
        new("start_time", "query", "Opening at or after this UK local time (HH:MM), in the same session as day and end_time."),
        new("end_time", "query", "Closing at or before this UK local time (HH:MM), in the same session as day and start_time."),
    ];

    /// <summary>Parameters of the service lists (/services, /service_at_locations).</summary>
    public static readonly string[] ServiceListParameters = ServiceListDocs.Select(p => p.Name).ToArray();

    /// <summary>Parameters of the other lists (/organizations, /taxonomies, /taxonomy_terms).</summary>
    public static readonly string[] PagingParameters = PagingDocs.Select(p => p.Name).ToArray();

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);
    public int Page { get; private set; } = 1;
    public int PerPage { get; private set; } = 50;
    public string? Text { get; private set; }
    public GeoPoint? Origin { get; private set; }
    public double? ProximityMetres { get; private set; }
    public ContactKind? ContactType { get; private set; }
    public bool UnknownTaxonomy { get; private set; }
    public string? OrganizationId { get; private set; }
    public DateTimeOffset? ModifiedAfter { get; private set; }
    public DayOfWeek? Day { get; private set; }
    public TimeOnly? StartTime { get; private set; }
    public TimeOnly? EndTime { get; private set; }

    public static OrukQuery Parse(IQueryCollection query, IReadOnlyCollection<string> allowed, int maxPerPage, PostcodeDirectory? postcodes)
    {
        var q = new OrukQuery();
        foreach (var name in query.Keys)
        {
            if (Unsupported.TryGetValue(name, out var why)) q.Errors[name] = [why];
            else if (!allowed.Contains(name)) q.Errors[name] = [$"not a parameter of this endpoint (it takes {string.Join(", ", allowed)})"];
        }
        string? One(string name) => query.TryGetValue(name, out var v) && allowed.Contains(name) ? ((string?)v)?.Trim() : null;

        q.Page = q.Integer(One("page"), "page", 1, 1, int.MaxValue);
        q.PerPage = q.Integer(One("per_page"), "per_page", 50, 1, maxPerPage);
        if (One("format") is { } format && format != "json") q.Errors["format"] = ["only \"json\" is served"];
        // ORUK 3.0 calls the free-text filter "search"; ORUK 1.0 called it "text".
        q.Text = One("search") ?? One("text");
        if (string.IsNullOrEmpty(q.Text)) q.Text = null;

        if (One("proximity") is { Length: > 0 } proximity) q.ProximityMetres = q.Integer(proximity, "proximity", 0, 1, 1_000_000);
        if (One("postcode") is { Length: > 0 } postcode && postcodes is not null)
        {
            try { q.Origin = postcodes.Resolve(postcode, "postcode").Point; }
            catch (RuleViolation ex) { q.Errors["postcode"] = [ex.Fields.FirstOrDefault()?.Description ?? ex.Message]; }
        }
        else if (q.ProximityMetres is not null) q.Errors["proximity"] = ["needs a postcode to measure from"];

        if (One("taxonomy_term_id") is { Length: > 0 } termId)
        {
            if (!Guid.TryParse(termId, out _)) q.Errors["taxonomy_term_id"] = ["must be a UUID (see /taxonomy_terms)"];
            else if (OrukTaxonomies.TermById(termId.ToLowerInvariant()) is { } term) q.ContactType = term.Kind;
            else q.UnknownTaxonomy = true;   // a well-formed id of a term we do not use: nothing matches
        }
        if (One("taxonomy_id") is { Length: > 0 } taxonomyId)
        {
            if (!Guid.TryParse(taxonomyId, out _)) q.Errors["taxonomy_id"] = ["must be a UUID (see /taxonomies)"];
            else if (!string.Equals(taxonomyId, OrukTaxonomies.ContactTypesId, StringComparison.OrdinalIgnoreCase)) q.UnknownTaxonomy = true;
        }
        if (One("organization_id") is { Length: > 0 } organizationId)
        {
            if (Guid.TryParse(organizationId, out _)) q.OrganizationId = organizationId.ToLowerInvariant();
            else q.Errors["organization_id"] = ["must be a UUID (see /organizations)"];
        }
        if (One("modified_after") is { Length: > 0 } modified)
        {
            if (DateTimeOffset.TryParse(modified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var after)) q.ModifiedAfter = after;
            else q.Errors["modified_after"] = ["must be an ISO 8601 date-time, e.g. 2026-06-01T00:00:00Z"];
        }
        if (One("day") is { Length: > 0 } day)
        {
            q.Day = ParseDay(day);
            if (q.Day is null) q.Errors["day"] = ["must be a day of the week: MO, TU, WE, TH, FR, SA, SU (or its English name)"];
        }
        q.StartTime = q.Time(One("start_time"), "start_time");
        q.EndTime = q.Time(One("end_time"), "end_time");
        return q;
    }

    /// <summary>Whether a listed centre passes every filter but the distance ones.</summary>
    public bool Matches(Centre c, DateOnly today)
    {
        if (UnknownTaxonomy) return false;
        if (ContactType is { } type && !AccreditationRules.IsAccreditedFor(c, type, today)) return false;
        if (OrganizationId is { } org && OrukMapper.OrganizationId(c) != org) return false;
        if (ModifiedAfter is { } after && c.Updated < after) return false;
        if (Text is { } text && !(Contains(c.DisplayName, text) || Contains(c.OrganisationName, text) || Contains(c.Town, text))) return false;
        if (Day is not null || StartTime is not null || EndTime is not null)
        {
            // One opening session must satisfy all the time filters together.
            return c.OpeningSessions.Any(s => (Day is not { } d || s.Day == d)
                && (StartTime is not { } start || s.Opens >= start)
                && (EndTime is not { } end || s.Closes <= end));
        }
        return true;
    }

    /// <summary>The matches, nearest first when a postcode was given (within the proximity if any).</summary>
    public List<Centre> Select(IEnumerable<Centre> listed, DateOnly today)
    {
        var matches = listed.Where(c => Matches(c, today));
        return Origin is { } from
            ? matches.Select(c => (Centre: c, Metres: OrukMapper.PublicPoint(c).DistanceKmTo(from) * 1000))
                .Where(m => ProximityMetres is not { } max || m.Metres <= max)
                .OrderBy(m => m.Metres).ThenBy(m => m.Centre.Id, StringComparer.Ordinal)
                .Select(m => m.Centre).ToList()
            : matches.OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
    }

    public OrukPage<T> PageOf<TSource, T>(IReadOnlyList<TSource> all, Func<TSource, T> map)
    {
        var totalPages = (all.Count + PerPage - 1) / PerPage;
        var contents = all.Skip((int)Math.Min((long)(Page - 1) * PerPage, int.MaxValue)).Take(PerPage).Select(map).ToList();
        return new OrukPage<T>(all.Count, totalPages, Page, contents.Count, Page == 1, Page >= totalPages, contents.Count == 0, contents);
    }

    private int Integer(string? raw, string name, int fallback, int min, int max)
    {
        if (string.IsNullOrEmpty(raw)) return fallback;
        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        Errors[name] = [$"must be a whole number from {min} to {max}"];
        return fallback;
    }

    private TimeOnly? Time(string? raw, string name)
    {
        if (string.IsNullOrEmpty(raw)) return null;
        if (TimeOnly.TryParseExact(raw, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        Errors[name] = ["must be a UK local time HH:MM (or HH:MM:SS)"];
        return null;
    }

    private static DayOfWeek? ParseDay(string raw)
    {
        foreach (var day in Enum.GetValues<DayOfWeek>())
            if (string.Equals(raw, OrukMapper.ByDay(day), StringComparison.OrdinalIgnoreCase) || string.Equals(raw, day.ToString(), StringComparison.OrdinalIgnoreCase))
                return day;
        return null;
    }

    private static bool Contains(string haystack, string needle) => haystack.Contains(needle, StringComparison.OrdinalIgnoreCase);
}
