using Contact.Server.Domain.Common;
using Contact.Server.Domain.Grants;
using Contact.Server.Security;
using Contact.Tests.Support;

namespace Contact.Tests.Security;

/// <summary>Who applies for a grant for a centre, and who sees an application (MOU 2.4.2).</summary>
public sealed class GrantAccessTests
{
    private static readonly GrantApplication Ours = new() { Id = "a1", RoundId = "2026-27", CentreId = Principals.Centre };
    private static readonly GrantApplication Theirs = new() { Id = "a2", RoundId = "2026-27", CentreId = "centre-other" };

    [Theory]
    [InlineData(Role.NctOperator, true, true, true)]
    [InlineData(Role.Auditor, false, true, true)]
    [InlineData(Role.ContactCentre, true, true, false)]
    [InlineData(Role.Naccc, false, false, false)]
    [InlineData(Role.Practitioner, false, false, false)]
    [InlineData(Role.CallCentre, false, false, false)]
    [InlineData(Role.CaseSystem, false, false, false)]
    public void A_centre_applies_for_and_sees_its_own_nct_and_auditors_see_the_round(Role role, bool appliesForOurs, bool seesOurs, bool seesTheirs)
    {
        var p = Principals.Of(role);
        Assert.Equal(appliesForOurs, GrantAccess.MayApplyFor(p, Principals.Centre));
        Assert.Equal(role == Role.NctOperator, GrantAccess.MayApplyFor(p, "centre-other"));
        Assert.Equal(seesOurs, GrantAccess.MaySee(p, Ours));
        Assert.Equal(seesTheirs, GrantAccess.MaySee(p, Theirs));
    }

    [Fact]
    public void Applying_for_another_centre_is_refused_as_permission_denied()
    {
        GrantAccess.CheckApplyFor(Principals.Of(Role.ContactCentre), Principals.Centre);
        var refusal = Assert.Throws<RuleViolation>(() => GrantAccess.CheckApplyFor(Principals.Of(Role.ContactCentre), "centre-other"));
        Assert.Equal(RefusalKind.PermissionDenied, refusal.Kind);
    }
}
