using Contact.Server.Domain.InformationSharing;
using Contact.Server.Security;
using Contact.Tests.Support;

namespace Contact.Tests.Security;

/// <summary>Who sees a Safe Referral System request and which requests each caller lists (MOU 2.3.1-2.3.4).</summary>
public sealed class SharingAccessTests
{
    [Theory]
    [InlineData(Role.CallCentre, true, true, true)]
    [InlineData(Role.NctOperator, true, true, true)]
    [InlineData(Role.Naccc, true, false, false)]
    [InlineData(Role.Practitioner, false, true, false)]
    [InlineData(Role.ContactCentre, false, false, false)]
    [InlineData(Role.CaseSystem, false, false, false)]
    [InlineData(Role.Auditor, false, false, false)]
    public void Each_role_sees_the_requests_it_sent_or_was_routed_or_all(Role role, bool sentByUs, bool routedToUs, bool someoneElses)
    {
        var p = Principals.Of(role);
        Assert.Equal(sentByUs, SharingAccess.MaySee(p, new SharingRequest { Id = "r1", SubmittedBy = p.ResourceName }));
        Assert.Equal(routedToUs, SharingAccess.MaySee(p, new SharingRequest { Id = "r2", SubmittedBy = "apiKeys/naccc", FcaId = Principals.Fca }));
        Assert.Equal(someoneElses, SharingAccess.MaySee(p, new SharingRequest { Id = "r3", SubmittedBy = "apiKeys/naccc", FcaId = "fca-other" }));
    }

    [Fact]
    public void The_listing_scope_matches_who_sees_what()
    {
        Assert.Equal(SharingScope.All, SharingAccess.ScopeOf(Principals.Of(Role.CallCentre)));
        Assert.Equal(SharingScope.All, SharingAccess.ScopeOf(Principals.Of(Role.NctOperator)));
        Assert.Equal(new SharingScope(null, Principals.Fca), SharingAccess.ScopeOf(Principals.Of(Role.Practitioner)));
        var naccc = Principals.Of(Role.Naccc);
        Assert.Equal(new SharingScope(naccc.ResourceName, null), SharingAccess.ScopeOf(naccc));
    }

    [Fact]
    public void A_practitioner_without_an_fca_identity_lists_and_sees_nothing()
    {
        var p = Principals.Practitioner(null);
        var scope = SharingAccess.ScopeOf(p);
        Assert.Null(scope.SubmittedBy);
        Assert.NotNull(scope.FcaId);
        Assert.False(SharingAccess.MaySee(p, new SharingRequest { Id = "r", FcaId = null }));
    }

    [Theory]
    [InlineData(Role.NctOperator, true)]
    [InlineData(Role.Practitioner, true)]
    [InlineData(Role.CallCentre, true)]
    [InlineData(Role.CaseSystem, true)]
    [InlineData(Role.Naccc, false)]
    [InlineData(Role.ContactCentre, false)]
    [InlineData(Role.Auditor, false)]
    public void Only_cafcass_roles_see_cafcass_side(Role role, bool sees) =>
        Assert.Equal(sees, SharingAccess.SeesCafcassSide(Principals.Of(role)));
}
