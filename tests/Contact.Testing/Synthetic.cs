using Contact.V1;

namespace Contact.Testing;

/// <summary>Synthetic, valid register data for load: centres spread over England and Wales.</summary>
public static class Synthetic
{
    private static readonly (string Town, string Postcode, string Region, double Lat, double Lon)[] Towns =
    [
        ("Nottingham", "NG1 5HJ", "East Midlands", 52.9548, -1.1581),
        ("Leeds", "LS1 4AP", "Yorkshire and the Humber", 53.7997, -1.5492),
        ("Bristol", "BS1 4DJ", "South West", 51.4545, -2.5879),
        ("Manchester", "M1 1AE", "North West", 53.4808, -2.2426),
        ("Birmingham", "B1 1BB", "West Midlands", 52.4862, -1.8904),
        ("Cardiff", "CF10 1EP", "Wales", 51.4816, -3.1791),
        ("Norwich", "NR2 1NH", "East of England", 52.6309, 1.2974),
        ("Newcastle upon Tyne", "NE1 7RU", "North East", 54.9783, -1.6178),
        ("Brighton", "BN1 1AE", "South East", 50.8225, -0.1372),
        ("London", "SE1 7PB", "London", 51.5033, -0.1195),
    ];

    /// <summary>A valid centre near one of a few towns, jittered by <paramref name="salt"/>.</summary>
    public static Centre Centre(string displayName, int salt)
    {
        var town = Towns[(salt & int.MaxValue) % Towns.Length];
        var jitter = new Random(salt);
        return new Centre
        {
            DisplayName = displayName,
            Organisation = new Organisation { Name = $"{displayName} Family Support", CharityNumber = $"{1_000_000 + (salt & 0xFFFFF) % 8_999_999}" },
            Setting = DeliverySetting.CentreBased,
            ContactTypes = { ContactType.Supported, ContactType.Supervised },
            Address = new PostalAddress { Lines = { "1 Synthetic Street" }, Town = town.Town, Postcode = town.Postcode },
            Location = new GeoPoint { Latitude = town.Lat + (jitter.NextDouble() - 0.5) * 0.6, Longitude = town.Lon + (jitter.NextDouble() - 0.5) * 0.9 },
            Region = town.Region,
            WaitingTime = new WaitingTime { Weeks = jitter.Next(0, 12) },
        };
    }

    /// <summary>A centre spread uniformly over England and Wales (for the 100,000-centre register).</summary>
    public static Centre Spread(string displayName, Random random)
    {
        var town = Towns[random.Next(Towns.Length)];
        var centre = Centre(displayName, random.Next());
        centre.Location = new GeoPoint { Latitude = 50.6 + random.NextDouble() * 4.4, Longitude = -4.5 + random.NextDouble() * 6.2 };
        centre.Address.Town = town.Town;
        return centre;
    }
}
