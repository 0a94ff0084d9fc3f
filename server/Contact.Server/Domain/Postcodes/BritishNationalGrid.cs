using System;
using Contact.Server.Domain.Geo;

namespace Contact.Server.Domain.Postcodes;

/// <summary>
/// Converts Ordnance Survey National Grid eastings/northings (OSGB36) to WGS84 latitude/longitude.
/// </summary>
/// <remarks>
/// Follows Ordnance Survey, "A guide to coordinate systems in Great Britain": the inverse
/// Transverse Mercator formulae of Annex C on the Airy 1830 ellipsoid, Annex B's conversions
/// to and from 3-D Cartesian coordinates, and the Helmert transformation (equation 3) with the
/// parameters of section 6.6, "Approximate WGS84 to OSGB36/ODN transformation". The guide puts
/// that transformation's error at up to 3.5 m (95%); OSTN15 would do better, but metres are
/// ample for finding the nearest centre to a postcode.
/// </remarks>
public static class BritishNationalGrid
{
    // Airy 1830 ellipsoid (OSGB36 datum).
    private const double AiryA = 6377563.396;
    private const double AiryB = 6356256.909;

    // GRS80 ellipsoid, which WGS84 matches to well under a millimetre for this purpose.
    private const double Grs80A = 6378137.000;
    private const double Grs80B = 6356752.3141;

    // National Grid projection constants.
    private const double F0 = 0.9996012717; // scale factor on the central meridian
    private const double Lat0 = 49.0 * DegToRad; // true origin 49°N
    private const double Lon0 = -2.0 * DegToRad; // true origin 2°W
    private const double E0 = 400000.0; // false easting of the true origin
    private const double N0 = -100000.0; // false northing of the true origin

    // Helmert parameters OSGB36 -> WGS84. The guide (section 6.6) tabulates only WGS84 -> OSGB36
    // (tx -446.448, ty +125.157, tz -542.060 m, s +20.4894 ppm, rx -0.1502", ry -0.2470",
    // rz -0.8421"); for the small-angle transformation the inverse reverses every sign, as here.
    private const double Tx = 446.448;
    private const double Ty = -125.157;
    private const double Tz = 542.060;
    private const double ScalePpm = -20.4894;
    private const double RxSeconds = 0.1502;
    private const double RySeconds = 0.2470;
    private const double RzSeconds = 0.8421;

    private const double DegToRad = Math.PI / 180.0;
    private const double RadToDeg = 180.0 / Math.PI;
    private const double ArcSecondToRad = DegToRad / 3600.0;

    /// <summary>The grid's extent; anything outside is not a British grid reference.</summary>
    public const double MaxEasting = 700000.0;

    /// <summary>The grid's extent; anything outside is not a British grid reference.</summary>
    public const double MaxNorthing = 1300000.0;

    /// <summary>True when (easting, northing) lies within the 700 km × 1300 km National Grid.</summary>
    public static bool IsWithinGrid(double easting, double northing) =>
        easting is >= 0 and <= MaxEasting && northing is >= 0 and <= MaxNorthing;

    /// <summary>Converts a National Grid reference in metres to WGS84.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Either coordinate is NaN or infinite.</exception>
    public static GeoPoint ToWgs84(double easting, double northing)
    {
        var (lat, lon) = InverseTransverseMercator(easting, northing);
        var (x, y, z) = ToCartesian(lat, lon, AiryA, AiryB);
        (x, y, z) = HelmertOsgb36ToWgs84(x, y, z);
        var (wgsLat, wgsLon) = FromCartesian(x, y, z, Grs80A, Grs80B);
        return new GeoPoint(wgsLat * RadToDeg, wgsLon * RadToDeg);
    }

    /// <summary>
    /// Converts a National Grid reference to OSGB36 latitude/longitude in degrees, without the
    /// datum shift. Mainly for checking against the guide's worked example; OSGB36 positions are
    /// up to ~120 m from WGS84 ones, so do not mix them with <see cref="GeoPoint"/>s.
    /// </summary>
    public static (double Latitude, double Longitude) ToOsgb36(double easting, double northing)
    {
        var (lat, lon) = InverseTransverseMercator(easting, northing);
        return (lat * RadToDeg, lon * RadToDeg);
    }

    // Guide Annex C, grid to latitude/longitude; returns radians on Airy 1830.
    private static (double Lat, double Lon) InverseTransverseMercator(double easting, double northing)
    {
        if (!double.IsFinite(easting))
        {
            throw new ArgumentOutOfRangeException(nameof(easting), easting, "Easting must be a finite number.");
        }

        if (!double.IsFinite(northing))
        {
            throw new ArgumentOutOfRangeException(nameof(northing), northing, "Northing must be a finite number.");
        }

        const double a = AiryA;
        const double b = AiryB;
        const double e2 = (a * a - b * b) / (a * a);
        const double n = (a - b) / (a + b);

        // Iterate on the meridional arc until it matches the northing to within 0.01 mm.
        var lat = Lat0;
        var m = 0.0;
        var iterations = 0;
        do
        {
            lat = (northing - N0 - m) / (a * F0) + lat;
            m = MeridionalArc(lat, b, n);
        }
        while (Math.Abs(northing - N0 - m) >= 0.00001 && ++iterations < 100);

        var sinLat = Math.Sin(lat);
        var cosLat = Math.Cos(lat);
        var tanLat = Math.Tan(lat);
        var secLat = 1.0 / cosLat;
        var oneMinusE2Sin2 = 1.0 - e2 * sinLat * sinLat;
        var nu = a * F0 / Math.Sqrt(oneMinusE2Sin2); // transverse radius of curvature
        var rho = a * F0 * (1.0 - e2) / Math.Pow(oneMinusE2Sin2, 1.5); // meridional radius of curvature
        var eta2 = nu / rho - 1.0;

        var tan2 = tanLat * tanLat;
        var tan4 = tan2 * tan2;
        var tan6 = tan4 * tan2;
        var nu3 = nu * nu * nu;
        var nu5 = nu3 * nu * nu;
        var nu7 = nu5 * nu * nu;

        var vii = tanLat / (2.0 * rho * nu);
        var viii = tanLat / (24.0 * rho * nu3) * (5.0 + 3.0 * tan2 + eta2 - 9.0 * tan2 * eta2);
        var ix = tanLat / (720.0 * rho * nu5) * (61.0 + 90.0 * tan2 + 45.0 * tan4);
        var x = secLat / nu;
        var xi = secLat / (6.0 * nu3) * (nu / rho + 2.0 * tan2);
        var xii = secLat / (120.0 * nu5) * (5.0 + 28.0 * tan2 + 24.0 * tan4);
        var xiia = secLat / (5040.0 * nu7) * (61.0 + 662.0 * tan2 + 1320.0 * tan4 + 720.0 * tan6);

        var dE = easting - E0;
        var dE2 = dE * dE;
        var dE3 = dE2 * dE;
        var dE4 = dE3 * dE;
        var dE5 = dE4 * dE;
        var dE6 = dE5 * dE;
        var dE7 = dE6 * dE;

        var resultLat = lat - vii * dE2 + viii * dE4 - ix * dE6;
        var resultLon = Lon0 + x * dE - xi * dE3 + xii * dE5 - xiia * dE7;
        return (resultLat, resultLon);
    }

    // Guide Annex C: the developed meridional arc M from the true origin's latitude.
    private static double MeridionalArc(double lat, double b, double n)
    {
        var n2 = n * n;
        var n3 = n2 * n;
        var dLat = lat - Lat0;
        var sLat = lat + Lat0;
        return b * F0 * (
            (1.0 + n + 5.0 / 4.0 * n2 + 5.0 / 4.0 * n3) * dLat
            - (3.0 * n + 3.0 * n2 + 21.0 / 8.0 * n3) * Math.Sin(dLat) * Math.Cos(sLat)
            + (15.0 / 8.0 * n2 + 15.0 / 8.0 * n3) * Math.Sin(2.0 * dLat) * Math.Cos(2.0 * sLat)
            - 35.0 / 24.0 * n3 * Math.Sin(3.0 * dLat) * Math.Cos(3.0 * sLat));
    }

    // Guide Annex B, latitude/longitude to Cartesian, at zero ellipsoidal height: postcode
    // centroids have no height, and ignoring one of tens of metres moves the result ~1 mm.
    private static (double X, double Y, double Z) ToCartesian(double lat, double lon, double a, double b)
    {
        var e2 = (a * a - b * b) / (a * a);
        var sinLat = Math.Sin(lat);
        var nu = a / Math.Sqrt(1.0 - e2 * sinLat * sinLat);
        return (
            nu * Math.Cos(lat) * Math.Cos(lon),
            nu * Math.Cos(lat) * Math.Sin(lon),
            (1.0 - e2) * nu * sinLat);
    }

    // Guide equation (3): the small-angle seven-parameter Helmert transformation.
    private static (double X, double Y, double Z) HelmertOsgb36ToWgs84(double x, double y, double z)
    {
        const double s = ScalePpm * 1e-6;
        const double rx = RxSeconds * ArcSecondToRad;
        const double ry = RySeconds * ArcSecondToRad;
        const double rz = RzSeconds * ArcSecondToRad;
        return (
            Tx + (1.0 + s) * x - rz * y + ry * z,
            Ty + rz * x + (1.0 + s) * y - rx * z,
            Tz - ry * x + rx * y + (1.0 + s) * z);
    }

    // Guide Annex B, Cartesian to latitude/longitude: iterate latitude until it settles.
    private static (double Lat, double Lon) FromCartesian(double x, double y, double z, double a, double b)
    {
        var e2 = (a * a - b * b) / (a * a);
        var p = Math.Sqrt(x * x + y * y);
        var lon = Math.Atan2(y, x);
        var lat = Math.Atan2(z, p * (1.0 - e2));
        for (var i = 0; i < 10; i++)
        {
            var sinLat = Math.Sin(lat);
            var nu = a / Math.Sqrt(1.0 - e2 * sinLat * sinLat);
            var next = Math.Atan2(z + e2 * nu * sinLat, p);
            if (Math.Abs(next - lat) < 1e-12)
            {
                return (next, lon);
            }

            lat = next;
        }

        return (lat, lon);
    }
}
