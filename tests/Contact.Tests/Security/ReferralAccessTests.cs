using Contact.Server.Domain.Common;
using Contact.Server.Domain.Referrals;
using Contact.Server.Security;
using Contact.Tests.Support;

namespace Contact.Tests.Security;

/// <summary>Who sees a referral and who may act on it (policy 1.1-1.8; MOU 2.2.4-2.2.6).</summary>
public sealed class ReferralAccessTests
{
    private static readonly Referral Ours = new() { Id = "r1", FcaId = Principals.Fca, CentreId = Principals.Centre };
    private static readonly Referral Theirs = new() { Id = "r2", FcaId = "fca-other", CentreId = "centre-other" };

    [Theory]
    [InlineData(Role.NctOperator, true, true)]
    [InlineData(Role.Practitioner, true, false)]
    [InlineData(Role.ContactCentre, true, false)]
    [InlineData(Role.Naccc, false, false)]
    [InlineData(Role.CallCentre, false, false)]
    [InlineData(Role.CaseSystem, false, false)]
    [InlineData(Role.Auditor, false, false)]
    public void Each_role_sees_its_own_referrals_and_nct_sees_all(Role role, bool ours, bool theirs)
    {
        var scope = ReferralAccess.ScopeOf(Principals.Of(role));
        Assert.Equal(ours, scope.Includes(Ours));
        Assert.Equal(theirs, scope.Includes(Theirs));
    }

    [Theory]
    [InlineData(ReferralAction.Withdraw, Role.Practitioner)]
    [InlineData(ReferralAction.Cancel, Role.NctOperator)]
    [InlineData(ReferralAction.Accept, Role.ContactCentre)]
    [InlineData(ReferralAction.Decline, Role.ContactCentre)]
    [InlineData(ReferralAction.Complete, Role.ContactCentre)]
    public void Each_action_is_taken_by_one_role_on_its_own_referral(ReferralAction action, Role actor)
    {
        foreach (var role in Enum.GetValues<Role>().Where(r => r != Role.Unspecified))
        {
            var (actingAs, mayAct) = ReferralAccess.ActingAs(Principals.Of(role), action);
            Assert.Equal(actor, actingAs);
            Assert.Equal(role == actor, mayAct(Ours));
            Assert.Equal(role == actor && role == Role.NctOperator, mayAct(Theirs));
        }
    }

    [Fact]
    public void Someone_elses_referral_is_refused_exactly_as_a_missing_one_except_to_nct()
    {
        var centre = Principals.Of(Role.ContactCentre);
        var hidden = Assert.Throws<RuleViolation>(() => ReferralAccess.Check(centre, Theirs, "referrals/r2"));
        var missing = Assert.Throws<RuleViolation>(() => ReferralAccess.Check(centre, null, "referrals/r2"));
        Assert.Equal((hidden.Kind, hidden.Message), (missing.Kind, missing.Message));
        Assert.Equal(RefusalKind.PermissionDenied, hidden.Kind);
        Assert.Equal(RefusalKind.NotFound, Assert.Throws<RuleViolation>(() => ReferralAccess.Check(Principals.Of(Role.NctOperator), null, "referrals/r2")).Kind);
        ReferralAccess.Check(centre, Ours, "referrals/r1");
    }
}
