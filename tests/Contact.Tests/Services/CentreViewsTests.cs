using Contact.Server.Domain.Register;
using Contact.Server.Services;
using V1 = Contact.V1;

namespace Contact.Tests.Services;

public class CentreViewsTests
{
    private static readonly DateOnly Today = new(2026, 6, 2);
    private static readonly DateTimeOffset Now = new(2026, 6, 2, 9, 0, 0, TimeSpan.Zero);

    private static Centre Accredited(DateOnly renewalDue)
    {
        var centre = new Centre { Id = "c1", DisplayName = "Riverside CCC", ContactTypes = [ContactKind.Supported] };
        AccreditationRules.Apply(centre, AccreditationLevel.Standard, AccreditationAction.Grant, Today.AddYears(-3), renewalDue, "panel", "NACCC", Now, Today);
        return centre;
    }

    [Fact]
    public void A_view_is_shared_within_a_day_and_made_again_on_another_so_a_lapse_shows_at_once()
    {
        var views = new CentreViews();
        var centre = Accredited(renewalDue: Today.AddDays(1));
        var first = views.Basic(centre, Today);
        Assert.Same(first, views.Basic(centre, Today));
        Assert.Equal(V1.AccreditationStatus.Accredited, first.Accreditations.Single().Status);
        Assert.Empty(first.Accreditations.Single().History);            // the BASIC view

        var afterRenewalDue = views.Basic(centre, Today.AddDays(2));
        Assert.NotSame(first, afterRenewalDue);
        Assert.Equal(V1.AccreditationStatus.Lapsed, afterRenewalDue.Accreditations.Single().Status);
    }

    [Fact]
    public void A_new_version_of_a_centre_gets_its_own_view()
    {
        var views = new CentreViews();
        var centre = Accredited(renewalDue: Today.AddYears(3));
        var before = views.Basic(centre, Today);
        var updated = centre.Clone();
        updated.DisplayName = "Riverside Family Contact Centre";
        Assert.Equal("Riverside Family Contact Centre", views.Basic(updated, Today).DisplayName);
        Assert.Equal("Riverside CCC", before.DisplayName);
    }
}
