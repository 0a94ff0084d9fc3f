namespace Contact.Server.OpenReferral;

// The Open Referral UK (ORUK) profile 3.0 of HSDS 3.0, as far as the register fills it.
// Serialised with snake_case names (HSDS field names) and without nulls.

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
    IReadOnlyList<OrukSchedule> Schedules);

public sealed record OrukOrganization(string Id, string Name, string Description, string? Uri);

public sealed record OrukServiceAtLocation(string Id, OrukLocation Location);

/// <summary>A location. Community venues carry no address and only coarse coordinates.</summary>
public sealed record OrukLocation(
    string Id,
    string LocationType,
    string Name,
    string Description,
    double Latitude,
    double Longitude,
    IReadOnlyList<OrukAddress> Addresses);

public sealed record OrukAddress(
    string Id,
    string Address1,
    string? Address2,
    string City,
    string Region,
    string StateProvince,
    string PostalCode,
    string Country,
    string AddressType);

public sealed record OrukPhone(string Id, string Number);

public sealed record OrukContact(string Id, string Name, string? Email, IReadOnlyList<OrukPhone> Phones);

/// <summary>A weekly opening session as an RFC 5545 rule (HSDS schedule).</summary>
public sealed record OrukSchedule(string Id, string Freq, string Byday, string OpensAt, string ClosesAt, string Description);

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
