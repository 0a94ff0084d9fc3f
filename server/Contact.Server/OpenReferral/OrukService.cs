using System.Text.Json.Serialization;

namespace Contact.Server.OpenReferral;

// The Open Referral UK (ORUK) profile 3.0 of HSDS 3.0, as far as the register fills it, checked
// against the official schemas (tests/Contact.Tests/OpenReferral/Schemas). Serialised with
// snake_case names (HSDS field names) and without nulls. The profile's compiled schemas require
// "url" on locations, schedules and contacts, so each carries the service's URL.

/// <summary>An HSDS service: one accredited centre or community service.</summary>
public sealed record OrukService(
    string Id,
    string Name,
    string Description,
    string Url,
    string? Email,
    string Status,
    string Accreditations,
    string EligibilityDescription,
    DateTimeOffset LastModified,
    OrukOrganization Organization,
    IReadOnlyList<OrukServiceAtLocation> ServiceAtLocations,
    IReadOnlyList<OrukPhone> Phones,
    IReadOnlyList<OrukContact> Contacts,
    IReadOnlyList<OrukSchedule> Schedules,
    IReadOnlyList<OrukAttribute> Attributes)
{
    [JsonPropertyName("organization_id")] public string OrganizationId => Organization.Id;
}

public sealed record OrukOrganization(
    string Id,
    string Name,
    string Description,
    string? Website,
    IReadOnlyList<OrukOrganizationIdentifier> OrganizationIdentifiers);

/// <summary>A third-party identifier of an organisation: its registered charity number.</summary>
public sealed record OrukOrganizationIdentifier(string Id, string OrganizationId, string? IdentifierScheme, string IdentifierType, string Identifier);

/// <summary>A service at a location; <see cref="Service"/> is set only on /service_at_locations.</summary>
public sealed record OrukServiceAtLocation(string Id, string ServiceId, string LocationId, OrukLocation Location)
{
    public OrukService? Service { get; init; }
}

/// <summary>A location. Community venues carry no address and only coarse coordinates.</summary>
public sealed record OrukLocation(
    string Id,
    string LocationType,
    string Url,
    string Name,
    string Description,
    double Latitude,
    double Longitude,
    IReadOnlyList<OrukAddress> Addresses);

public sealed record OrukAddress(
    string Id,
    string LocationId,
    // The snake_case policy does not split before digits ("address1"): HSDS says address_1.
    [property: JsonPropertyName("address_1")] string Address1,
    [property: JsonPropertyName("address_2")] string? Address2,
    string City,
    string Region,
    string StateProvince,
    string PostalCode,
    string Country,
    string AddressType);

public sealed record OrukPhone(string Id, string Number);

public sealed record OrukContact(string Id, string ServiceId, string Name, string Url, string? Email, IReadOnlyList<OrukPhone> Phones);

/// <summary>A weekly opening session as an RFC 5545 rule (HSDS schedule), UK local time.</summary>
public sealed record OrukSchedule(string Id, string ServiceId, string Url, string Freq, string Byday, string OpensAt, string ClosesAt, string Description);

/// <summary>A link from a service to a taxonomy term (HSDS attribute).</summary>
public sealed record OrukAttribute(string Id, string LinkId, string LinkType, string LinkEntity, string TaxonomyTermId, OrukTaxonomyTerm TaxonomyTerm);

public sealed record OrukTaxonomy(string Id, string Name, string Description, string Uri, string Version);

public sealed record OrukTaxonomyTerm(string Id, string Name, string Description, string Term, string Code, string TaxonomyId, string Taxonomy);

/// <summary>The API's description of itself (ORUK 3.0 "/").</summary>
public sealed record OrukApiInfo(string Version, string Profile, string OpenapiUrl);

/// <summary>ORUK 3.0's Page object with its <c>contents</c>.</summary>
public sealed record OrukPage<T>(
    int TotalItems,
    int TotalPages,
    int PageNumber,
    int Size,
    bool FirstPage,
    bool LastPage,
    bool Empty,
    IReadOnlyList<T> Contents);
