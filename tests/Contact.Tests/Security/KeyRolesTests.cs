using Contact.Server.Domain.Common;
using Contact.Server.Security;

namespace Contact.Tests.Security;

/// <summary>Which roles one API key may hold together.</summary>
public class KeyRolesTests
{
    [Theory]
    [InlineData(Role.NctOperator)]
    [InlineData(Role.Practitioner)]
    [InlineData(Role.CallCentre)]
    [InlineData(Role.CaseSystem)]
    public void Naccc_with_a_cafcass_role_is_refused_under_mou_2_3_3(Role cafcass)
    {
        var fca = cafcass == Role.Practitioner ? "fca-both" : null;
        var refusal = Assert.Throws<RuleViolation>(() => Credentials.Validate("Both", [Role.Naccc, cafcass], fca, null, 10));
        Assert.Equal("MOU 2.3.3", refusal.Clause);
        Assert.Equal(RefusalKind.Invalid, refusal.Kind);
    }

    [Fact]
    public void A_naccc_key_alone_is_allowed() => Credentials.Validate("NACCC SRS", [Role.Naccc], null, null, 10);
}
