using System.Security.Cryptography;
using System.Text;
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

    /// <summary>The point the feed discloses (and measures proximity from).</summary>
    public static GeoPoint PublicPoint(Centre centre) => centre.Setting == Setting.Community
        ? new GeoPoint(Snap(centre.Latitude), Snap(centre.Longitude))
        : new GeoPoint(centre.Latitude, centre.Longitude);

    public static OrukService ToService(Centre centre, DateOnly today, string selfUrl)
    {
        var community = centre.Setting == Setting.Community;
        var point = PublicPoint(centre);
        var phones = string.IsNullOrWhiteSpace(centre.Phone) ? [] : new[] { new OrukPhone($"{centre.Id}-phone", centre.Phone) };
        var location = new OrukLocation(
            Id: $"{centre.Id}-location",
            LocationType: "physical",
            Name: community ? $"Community venues, {centre.Town}" : centre.DisplayName,
            Description: community
                ? $"Contact takes place at community venues in the {centre.Town} area; the venue is given to families on referral."
                : $"{centre.DisplayName}, {centre.Town}.",
            Latitude: Math.Round(point.Latitude, 5),
            Longitude: Math.Round(point.Longitude, 5),
            Addresses: community ? [] : [Address(centre)]);
        return new OrukService(
            Id: centre.Id,
            Name: centre.DisplayName,
            Description: Describe(centre, today),
            Url: string.IsNullOrWhiteSpace(centre.Website) ? selfUrl : centre.Website,
            Email: string.IsNullOrWhiteSpace(centre.Email) ? null : centre.Email,
            Status: "active",
            Accreditations: DescribeAccreditation(centre, today),
            EligibilityDescription: "Children and their families arranging child contact, by referral.",
            LastModified: centre.Updated,
            Organization: new OrukOrganization(
                Id: OrganizationId(centre),
                Name: centre.OrganisationName,
                Description: string.IsNullOrWhiteSpace(centre.CharityNumber)
                    ? $"{centre.OrganisationName} runs child contact services."
                    : $"{centre.OrganisationName} (registered charity {centre.CharityNumber}) runs child contact services.",
                Uri: null),
            ServiceAtLocations: [new OrukServiceAtLocation($"{centre.Id}-at-location", location)],
            Phones: phones,
            Contacts: [new OrukContact($"{centre.Id}-contact", centre.DisplayName, string.IsNullOrWhiteSpace(centre.Email) ? null : centre.Email, phones)],
            Schedules: centre.OpeningSessions.Select((s, i) => new OrukSchedule(
                $"{centre.Id}-schedule-{i + 1}", "WEEKLY", ByDay(s.Day), s.Opens.ToString("HH:mm"), s.Closes.ToString("HH:mm"),
                $"Open {s.Day} {s.Opens:HH:mm}–{s.Closes:HH:mm}")).ToList());
    }

    private static OrukAddress Address(Centre c) => new(
        Id: $"{c.Id}-address",
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
        var types = string.Join(", ", c.ContactTypes.Where(t => AccreditationRules.IsAccreditedFor(c, t, today)).Select(t => t switch
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

    /// <summary>A stable id for the organisation: its charity number, or a hash of its name.</summary>
    private static string OrganizationId(Centre c) => string.IsNullOrWhiteSpace(c.CharityNumber)
        ? "org-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(c.OrganisationName.Trim().ToUpperInvariant())))[..16]
        : "charity-" + c.CharityNumber.Trim();

    private static string ByDay(DayOfWeek day) => day.ToString()[..2].ToUpperInvariant();

    private static double Snap(double degrees) => Math.Round(Math.Round(degrees / CommunityGridDegrees) * CommunityGridDegrees, 2);
}
