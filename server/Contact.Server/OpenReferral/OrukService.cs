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
