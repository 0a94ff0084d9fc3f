namespace Contact.Server.Storage;

/// <summary>A postcode or postcode district with its location (WGS84).</summary>
public sealed class PostcodeEntry
{
    public string Id { get; set; } = "";
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    /// <summary>For districts: how many postcodes the centroid was computed from.</summary>
    public int Count { get; set; }
}
