using Contact.Server.Domain.Geo;
using Contact.Server.Domain.Register;

namespace Contact.Tests.Domain;

/// <summary>The one "which centres may be offered" question that FindNearestCentres and the find-a-centre page share.</summary>
public class NearestCentresQueryTests
{
    private static readonly DateOnly Today = new(2026, 6, 2);
    private static readonly GeoPoint Leeds = new(53.7997, -1.5492);

    private static Centre Centre(string id, AccreditationStatus status, double northKm = 1, Setting setting = Setting.CentreBased) => new()
    {
        Id = id, DisplayName = id, Setting = setting, ContactTypes = [ContactKind.Supervised],
        Latitude = Leeds.Latitude + northKm / 111.0, Longitude = Leeds.Longitude,
        Accreditations = [new AccreditationRecord { Level = AccreditationLevel.Enhanced, Status = status, RenewalDue = Today.AddYears(1) }],
    };

    [Theory]
    [InlineData(AccreditationStatus.Suspended)]
    [InlineData(AccreditationStatus.Lapsed)]
    [InlineData(AccreditationStatus.Withdrawn)]
    [InlineData(AccreditationStatus.Candidate)]
    [InlineData(AccreditationStatus.NotAccredited)]
    public void Policy_1_2_MOU_2_1_2_only_centres_accredited_today_are_offered(AccreditationStatus status)
    {
        var index = new RegisterIndex();
        index.Load([Centre("accredited", AccreditationStatus.Accredited, 2), Centre("other", status, 1)]);
        var answer = new NearestCentresQuery(Leeds, ContactKind.Supervised, Setting.Unspecified, false, 50, 10).Run(index, Today);
        Assert.Equal(["accredited"], answer.Select(r => r.Centre.Id));
    }

    [Fact]
    public void MOU_2_1_3_an_accreditation_past_its_renewal_date_is_not_offered()
    {
        var centre = Centre("due", AccreditationStatus.Accredited);
        centre.Accreditations[0].RenewalDue = Today.AddDays(-1);
        var index = new RegisterIndex();
        index.Load([centre]);
        Assert.Empty(new NearestCentresQuery(Leeds, ContactKind.Supervised, Setting.Unspecified, false, 50, 10).Run(index, Today));
    }

    [Fact]
    public void Setting_distance_and_limit_narrow_the_answer_nearest_first()
    {
        var index = new RegisterIndex();
        index.Load([
            Centre("near", AccreditationStatus.Accredited, 1), Centre("mid", AccreditationStatus.Accredited, 5),
            Centre("community", AccreditationStatus.Accredited, 3, Setting.Community), Centre("far", AccreditationStatus.Accredited, 60),
        ]);
        Assert.Equal(["near", "community", "mid"], new NearestCentresQuery(Leeds, ContactKind.Supervised, Setting.Unspecified, false, 50, 10).Run(index, Today).Select(r => r.Centre.Id));
        Assert.Equal(["near", "mid"], new NearestCentresQuery(Leeds, ContactKind.Supervised, Setting.CentreBased, false, 50, 10).Run(index, Today).Select(r => r.Centre.Id));
        Assert.Equal(["near"], new NearestCentresQuery(Leeds, ContactKind.Supervised, Setting.Unspecified, false, 50, 1).Run(index, Today).Select(r => r.Centre.Id));
    }

    [Fact]
    public void Policy_1_4_commissioned_only_keeps_services_NCT_commissions_today()
    {
        var commissioned = Centre("commissioned", AccreditationStatus.Accredited, 2);
        commissioned.ContractReference = "NCT-1";
        commissioned.CommissionStart = Today.AddMonths(-1);
        var index = new RegisterIndex();
        index.Load([commissioned, Centre("not", AccreditationStatus.Accredited, 1)]);
        Assert.Equal(["commissioned"], new NearestCentresQuery(Leeds, ContactKind.Supervised, Setting.Unspecified, true, 50, 10).Run(index, Today).Select(r => r.Centre.Id));
    }
}
