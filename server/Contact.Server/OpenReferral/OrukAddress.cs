using System.Text.Json.Serialization;

namespace Contact.Server.OpenReferral;

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
