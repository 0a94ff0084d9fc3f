using System;

namespace Contact.Server.Domain.Geo;

/// <summary>A WGS84 latitude/longitude in decimal degrees.</summary>
/// <remarks>
/// The constructor does not validate, so callers reading untrusted input should check
/// <see cref="IsValid(double, double)"/> first.
/// </remarks>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    /// <summary>IUGG mean Earth radius; the usual choice for spherical (haversine) distances.</summary>
    public const double EarthMeanRadiusKm = 6371.0088;

    /// <summary>Exact by definition of the international mile.</summary>
    public const double KmPerMile = 1.609344;

    public static bool IsValid(double lat, double lon) =>
        double.IsFinite(lat) && double.IsFinite(lon)
        && lat is >= -90 and <= 90
        && lon is >= -180 and <= 180;

    /// <summary>Great-circle distance by the haversine formula.</summary>
    /// <remarks>
    /// Treating the Earth as a sphere errs by up to about 0.5%, which is far below what matters
    /// when ranking centres by distance from a postcode.
    /// </remarks>
    public double DistanceKmTo(GeoPoint other)
    {
        var lat1 = ToRadians(Latitude);
        var lat2 = ToRadians(other.Latitude);
        var sinHalfDLat = Math.Sin((lat2 - lat1) / 2);
        var sinHalfDLon = Math.Sin(ToRadians(other.Longitude - Longitude) / 2);
        var a = sinHalfDLat * sinHalfDLat + Math.Cos(lat1) * Math.Cos(lat2) * sinHalfDLon * sinHalfDLon;
        // Rounding can push a a hair above 1 for antipodal points, which would make Asin return NaN.
        return 2 * EarthMeanRadiusKm * Math.Asin(Math.Sqrt(Math.Min(1.0, a)));
    }

    public double DistanceMilesTo(GeoPoint other) => DistanceKmTo(other) / KmPerMile;

    private static double ToRadians(double degrees) => degrees * (Math.PI / 180.0);
}
