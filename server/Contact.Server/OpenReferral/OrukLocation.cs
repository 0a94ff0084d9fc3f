namespace Contact.Server.OpenReferral;

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
