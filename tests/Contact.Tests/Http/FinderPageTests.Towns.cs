using System.Net;
using System.Text.Encodings.Web;
using Contact.Server.Domain.Register;
using Contact.Server.Finder;
using Contact.Tests.Support;
using V1 = Contact.V1;

namespace Contact.Tests.Http;

// The find-a-centre page searched by town: a town on the register is placed at the middle of its
// centres and searched from there, the same answer as FindNearestCentres from that point; an
// unknown, misspelt or shared name gets the form again with a linked error.
public sealed partial class FinderPageTests
{
    [Theory]
    [InlineData("Leeds", "supervised", "any", 25)]
    [InlineData("harrogate", "supported", "centre", 50)]
    [InlineData("Newport (Isle of Wight)", "handover", "any", 25)]
    public async Task Policy_1_2_a_town_lists_exactly_what_FindNearestCentres_answers_from_its_middle(string town, string type, string setting, int miles)
    {
        var place = Assert.IsType<TownMatch.Found>(_host.Get<RegisterIndex>().Towns.Find(town)).Town;
        var practitioner = await _host.ClientAsync(V1.Role.Practitioner);
        var answer = await practitioner.Register.FindNearestCentresAsync(new V1.FindNearestCentresRequest
        {
            Location = new V1.GeoPoint { Latitude = place.Point.Latitude, Longitude = place.Point.Longitude },
            ContactType = (V1.ContactType)FinderWords.Kinds.Single(k => k.Value == type).Kind,
            Setting = (V1.DeliverySetting)FinderWords.Settings.Single(s => s.Value == setting).Setting,
            MaxDistanceKm = miles * Server.Domain.Geo.GeoPoint.KmPerMile,
        });
        Assert.NotEmpty(answer.Results);

        using var http = _host.Http();
        using var response = await http.GetAsync($"/find/results?postcode={Uri.EscapeDataString(town)}&type={type}&setting={setting}&distance={miles}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(answer.Results.Select(r => r.Summary.Name), Listed(html));
        Assert.Contains($"near {HtmlEncoder.Default.Encode(place.Name)}</h1>", html);
        Assert.Contains($"Distances are from the middle of {HtmlEncoder.Default.Encode(place.Name)}", html);
    }

    [Theory]
    [InlineData("Atlantis", HttpStatusCode.NotFound, "We could not find a town of that name with a centre on the register: check the spelling, or enter a postcode")]
    [InlineData("Harogate", HttpStatusCode.NotFound, "did you mean Harrogate or Margate? Or enter a postcode")]
    [InlineData("LS1 4", HttpStatusCode.BadRequest, "Enter a full UK postcode, like LS1 4AP, or the first half, like LS1")]
    public async Task An_unknown_or_misspelt_town_gets_the_form_again_with_a_linked_error(string typed, HttpStatusCode status, string message)
    {
        using var http = _host.Http();
        using var response = await http.GetAsync($"/find/results?type=supported&postcode={Uri.EscapeDataString(typed)}");
        Assert.Equal(status, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<li><a href=\"#postcode\">", html);
        Assert.Contains(HtmlEncoder.Default.Encode(message), html);
        Assert.Contains($"value=\"{HtmlEncoder.Default.Encode(typed)}\"", html);
    }

    [Fact]
    public async Task A_name_two_regions_share_asks_which_and_the_region_chooses()
    {
        // A second Leeds, in Wales: a centre created and accredited through the API.
        var naccc = await _host.ClientAsync(V1.Role.Naccc);
        var centre = Centres.Valid("Welsh Leeds Contact Centre", 52.0, -3.5, V1.ContactType.Supported);
        centre.Address = new V1.PostalAddress { Lines = { "1 High Street" }, Town = "Leeds", Postcode = "LD1 5AA" };
        centre.Region = "Wales";
        var created = await naccc.Register.CreateCentreAsync(new V1.CreateCentreRequest { Centre = centre });
        await naccc.Register.RecordAccreditationDecisionAsync(new V1.RecordAccreditationDecisionRequest
        {
            Centre = created.Name, Level = V1.AccreditationLevel.Standard, Action = V1.AccreditationAction.Grant, Reason = "Panel decision",
        });

        using var http = _host.Http();
        using var ambiguous = await http.GetAsync("/find/results?type=supported&postcode=Leeds");
        Assert.Equal(HttpStatusCode.BadRequest, ambiguous.StatusCode);
        Assert.Contains(HtmlEncoder.Default.Encode("More than one town on the register is called Leeds: enter “Leeds, Wales” or “Leeds, Yorkshire and The Humber”, or a postcode"),
            await ambiguous.Content.ReadAsStringAsync());

        var wales = await http.GetStringAsync("/find/results?type=supported&postcode=Leeds%2C+Wales&distance=5");
        Assert.Equal([created.Name], Listed(wales));
    }
}
