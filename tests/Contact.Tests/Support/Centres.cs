using Contact.V1;

namespace Contact.Tests.Support;

/// <summary>Valid centre requests to start tests from.</summary>
public static class Centres
{
    public static Centre Valid(string name = "Test Contact Centre", double lat = 52.9548, double lon = -1.1581, params ContactType[] types) => new()
    {
        DisplayName = name,
        Organisation = new Organisation { Name = "Test Family Support", CharityNumber = "1234567" },
        Setting = DeliverySetting.CentreBased,
        ContactTypes = { types.Length == 0 ? [ContactType.Supported, ContactType.Supervised] : types },
        Address = new PostalAddress { Lines = { "1 Test Street" }, Town = "Nottingham", Postcode = "NG1 5HJ" },
        Location = new GeoPoint { Latitude = lat, Longitude = lon },
        Region = "East Midlands",
        WaitingTime = new WaitingTime { Weeks = 3 },
    };
}
