using Contact.Server.Domain.Geo;
using Contact.Server.Domain.Register;

namespace Contact.Server.OpenReferral;

/// <summary>
/// What the open feed says about a centre: only what a public directory needs. Community services
/// are delivered at venues that families and the other parent must not be able to find from an
/// open feed, so their location has no address and coordinates snapped to a grid of
/// <see cref="CommunityGridDegrees"/> (about 5.5 km north–south, 3.5 km east–west in England):
/// enough to say "near Leeds", not enough to find a hall. Exact coordinates would give the venue
/// away as surely as its street address, so the proximity filter uses the coarse point as well
/// (distances from chosen postcodes would otherwise trilaterate it).
/// </summary>
public static class OrukMapper
{
    public const double CommunityGridDegrees = 0.05;

    /// <summary>Listed in the feed: accredited now at any level (standard or enhanced).</summary>
    public static bool IsListed(Centre centre, DateOnly today) => AccreditationRules.IsAccreditedAtAnyLevel(centre, today);

    /// <summary>The contact types the centre may be advertised for today (policy 1.2; MOU 2.1.2).</summary>
    public static IEnumerable<ContactKind> AccreditedTypes(Centre centre, DateOnly today) =>
        centre.ContactTypes.Where(t => AccreditationRules.IsAccreditedFor(centre, t, today));

    /// <summary>The point the feed discloses (and measures proximity from).</summary>
    public static GeoPoint PublicPoint(Centre centre) => centre.Setting == Setting.Community
        ? new GeoPoint(Snap(centre.Latitude), Snap(centre.Longitude))
        : new GeoPoint(centre.Latitude, centre.Longitude);

    /// <summary>The organisation's key: its charity number, else its name (upper-cased, trimmed).</summary>
    public static string OrganizationKey(Centre c) => string.IsNullOrWhiteSpace(c.CharityNumber)
        ? "name/" + c.OrganisationName.Trim().ToUpperInvariant()
        : "charity/" + c.CharityNumber.Trim().ToUpperInvariant();

    public static string OrganizationId(Centre c) => OrukIds.Organization(OrganizationKey(c));

    /// <summary>The service's web address: its own website when that is an absolute http(s) URL, else its page in the feed.</summary>
    public static string ServiceUrl(Centre c, string selfUrl) =>
        Uri.TryCreate(c.Website, UriKind.Absolute, out var web) && (web.Scheme == Uri.UriSchemeHttps || web.Scheme == Uri.UriSchemeHttp)
            ? web.AbsoluteUri
            : selfUrl;

    public static OrukService ToService(Centre centre, DateOnly today, string selfUrl)
    {
        var serviceId = OrukIds.Service(centre.Id);
        var url = ServiceUrl(centre, selfUrl);
        var phones = string.IsNullOrWhiteSpace(centre.Phone) ? [] : new[] { new OrukPhone(OrukIds.Phone(centre.Id), centre.Phone) };
        var email = string.IsNullOrWhiteSpace(centre.Email) ? null : centre.Email;
        return new OrukService(
            Id: serviceId,
            Name: centre.DisplayName,
            Description: Describe(centre, today),
            Url: url,
            Email: email,
            Status: "active",
            Accreditations: DescribeAccreditation(centre, today),
            EligibilityDescription: "Children and their families arranging child contact, by referral.",
            LastModified: centre.Updated,
            Organization: ToOrganization(centre),
            ServiceAtLocations: [ToServiceAtLocation(centre, url)],
            Phones: phones,
            Contacts: [new OrukContact(OrukIds.Contact(centre.Id), serviceId, centre.DisplayName, url, email, phones)],
            Schedules: centre.OpeningSessions.Select((s, i) => new OrukSchedule(
                OrukIds.Schedule(centre.Id, i + 1), serviceId, url, "WEEKLY", ByDay(s.Day), s.Opens.ToString("HH:mm"), s.Closes.ToString("HH:mm"),
                $"Open {s.Day} {s.Opens:HH:mm}–{s.Closes:HH:mm} (UK time)")).ToList(),
            Attributes: AccreditedTypes(centre, today).Select(t => OrukTaxonomies.For(t)).Select(term => new OrukAttribute(
                OrukIds.Attribute(centre.Id, term.Code), serviceId, "contact_type", "service", term.Id, term.ToOruk())).ToList());
    }

    /// <summary>The service at its location, with the service nested (the /service_at_locations answer).</summary>
    public static OrukServiceAtLocation ToServiceAtLocationWithService(Centre centre, DateOnly today, string selfUrl)
    {
        var service = ToService(centre, today, selfUrl);
        return service.ServiceAtLocations[0] with { Service = service with { ServiceAtLocations = [] } };
    }

    public static OrukOrganization ToOrganization(Centre centre)
    {
        var id = OrganizationId(centre);
        var charity = centre.CharityNumber?.Trim();
        return new OrukOrganization(
            Id: id,
            Name: centre.OrganisationName,
            Description: string.IsNullOrWhiteSpace(charity)
                ? $"{centre.OrganisationName} runs child contact services."
                : $"{centre.OrganisationName} (registered charity {charity}) runs child contact services.",
            Website: null,
            OrganizationIdentifiers: string.IsNullOrWhiteSpace(charity) ? [] :
            [
                new OrukOrganizationIdentifier(OrukIds.OrganizationIdentifier(OrganizationKey(centre)), id,
                    // org-id.guide's scheme for the Charity Commission for England and Wales' numbers.
                    charity.All(char.IsAsciiDigit) ? "GB-CHC" : null, "Registered charity number", charity),
            ]);
    }

    private static OrukServiceAtLocation ToServiceAtLocation(Centre centre, string url)
    {
        var community = centre.Setting == Setting.Community;
        var point = PublicPoint(centre);
        var locationId = OrukIds.Location(centre.Id);
        var location = new OrukLocation(
            Id: locationId,
            LocationType: "physical",
            Url: url,
            Name: community ? $"Community venues, {centre.Town}" : centre.DisplayName,
            Description: community
                ? $"Contact takes place at community venues in the {centre.Town} area; the venue is given to families on referral."
                : $"{centre.DisplayName}, {centre.Town}.",
            Latitude: Math.Round(point.Latitude, 5),
            Longitude: Math.Round(point.Longitude, 5),
            Addresses: community ? [] : [Address(centre, locationId)]);
        return new OrukServiceAtLocation(OrukIds.ServiceAtLocation(centre.Id), OrukIds.Service(centre.Id), locationId, location);
    }

    private static OrukAddress Address(Centre c, string locationId) => new(
        Id: OrukIds.Address(c.Id),
        LocationId: locationId,
        Address1: c.AddressLines.FirstOrDefault() ?? "",
        Address2: c.AddressLines.Count > 1 ? string.Join(", ", c.AddressLines.Skip(1)) : null,
        City: c.Town,
        Region: c.Region,
        StateProvince: c.Region,
        PostalCode: c.Postcode,
        Country: "GB",
        AddressType: "physical");

    /// <summary>
    /// Only the contact types the centre is accredited for today: a centre whose enhanced
    /// accreditation is suspended must not be advertised as offering supervised contact
    /// (policy 1.2; MOU 2.1.2).
    /// </summary>
    private static string Describe(Centre c, DateOnly today)
    {
        var types = string.Join(", ", AccreditedTypes(c, today).Select(t => t switch
        {
            ContactKind.Supported => "supported contact",
            ContactKind.Supervised => "supervised contact",
            ContactKind.Handover => "handovers",
            ContactKind.Indirect => "indirect contact",
            _ => t.ToString().ToLowerInvariant(),
        }));
        var setting = c.Setting == Setting.Community ? "A child contact service delivered in the community" : "A child contact centre";
        return types.Length == 0 ? $"{setting}." : $"{setting} offering {types}.";
    }

    private static string DescribeAccreditation(Centre c, DateOnly today) =>
        "NACCC accredited: " + string.Join("; ", c.Accreditations
            .Where(a => AccreditationRules.EffectiveStatus(a, today) == AccreditationStatus.Accredited)
            .Select(a => (a.Level == AccreditationLevel.Enhanced ? "enhanced (supervised contact)" : "standard (supported contact)")
                         + (a.RenewalDue is { } due ? $" until {due:yyyy-MM-dd}" : "")));

    public static string ByDay(DayOfWeek day) => day.ToString()[..2].ToUpperInvariant();

    private static double Snap(double degrees) => Math.Round(Math.Round(degrees / CommunityGridDegrees) * CommunityGridDegrees, 2);
}
