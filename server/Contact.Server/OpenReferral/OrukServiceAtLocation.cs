namespace Contact.Server.OpenReferral;

/// <summary>A service at a location; <see cref="Service"/> is set only on /service_at_locations.</summary>
public sealed record OrukServiceAtLocation(string Id, string ServiceId, string LocationId, OrukLocation Location)
{
    public OrukService? Service { get; init; }
}
