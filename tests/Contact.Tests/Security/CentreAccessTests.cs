using Contact.Server.Domain.Common;
using Contact.Server.Security;
using Contact.Tests.Support;

namespace Contact.Tests.Security;

/// <summary>Who keeps a centre's waiting time.</summary>
public sealed class CentreAccessTests
{
    [Theory]
    [InlineData(Role.NctOperator, true)]
    [InlineData(Role.Naccc, true)]
    [InlineData(Role.ContactCentre, false)]
    [InlineData(Role.Practitioner, false)]
    [InlineData(Role.CallCentre, false)]
    [InlineData(Role.CaseSystem, false)]
    [InlineData(Role.Auditor, false)]
    public void Another_centres_waiting_time_is_kept_only_by_nct_and_naccc(Role role, bool allowed)
    {
        Assert.Equal(allowed, CentreAccess.MayUpdateWaitingTime(Principals.Of(role), "centre-other"));
    }

    [Fact]
    public void A_contact_centre_keeps_its_own_waiting_time()
    {
        var p = Principals.Of(Role.ContactCentre);
        Assert.True(CentreAccess.MayUpdateWaitingTime(p, Principals.Centre));
        CentreAccess.CheckWaitingTime(p, Principals.Centre);
    }

    [Fact]
    public void Another_centres_waiting_time_is_refused_as_permission_denied()
    {
        var refusal = Assert.Throws<RuleViolation>(() => CentreAccess.CheckWaitingTime(Principals.Of(Role.ContactCentre), "centre-other"));
        Assert.Equal(RefusalKind.PermissionDenied, refusal.Kind);
        Assert.False(CentreAccess.MayUpdateWaitingTime(Principals.ContactCentre(null), "centre-other"));
    }
}
