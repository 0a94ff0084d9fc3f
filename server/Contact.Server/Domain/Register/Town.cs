using Contact.Server.Domain.Geo;

namespace Contact.Server.Domain.Register;

/// <summary>A town a search can start from, placed at the middle of its centres on the register.</summary>
public sealed record Town(string Name, string Region, GeoPoint Point, int Centres)
{
    /// <summary>The name with its region, as a person types it to choose between two towns of one name.</summary>
    public string Label => Region.Length > 0 ? $"{Name}, {Region}" : Name;
}
