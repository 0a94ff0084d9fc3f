using Contact.Server.Domain.Concerns;
using Contact.Server.Security;
using Contact.Tests.Support;

namespace Contact.Tests.Security;

/// <summary>Who sees a concern, and in how much detail (policy 1.6, 1.7; MOU 2.1.4, 2.4.3).</summary>
public sealed class ConcernAccessTests
{
    private static readonly Concern Ours = new() { Id = "ours", RaiserFcaId = Principals.Fca };
    private static readonly Concern Theirs = new() { Id = "theirs", RaiserFcaId = "fca-other" };
    private static readonly Concern Nct = new() { Id = "nct", RaiserFcaId = null };

    [Theory]
    [InlineData(Role.NctOperator, true, true, true, true)]
    [InlineData(Role.Practitioner, true, false, false, false)]
    [InlineData(Role.Naccc, false, false, false, false)]
    [InlineData(Role.CallCentre, false, false, false, false)]
    [InlineData(Role.ContactCentre, false, false, false, false)]
    [InlineData(Role.CaseSystem, false, false, false, false)]
    [InlineData(Role.Auditor, false, false, false, false)]
    public void Nct_sees_every_concern_in_full_a_practitioner_only_their_own_redacted(Role role, bool ours, bool theirs, bool nct, bool inFull)
    {
        var p = Principals.Of(role);
        Assert.Equal(ours, ConcernAccess.MaySee(p, Ours));
        Assert.Equal(theirs, ConcernAccess.MaySee(p, Theirs));
        Assert.Equal(nct, ConcernAccess.MaySee(p, Nct));
        Assert.Equal(inFull, ConcernAccess.SeesInFull(p));
    }

    [Fact]
    public void A_concern_is_followed_by_the_practitioner_who_raised_it_and_by_nobody_else()
    {
        Assert.Equal(Principals.Fca, ConcernAccess.RaiserFcaIdOf(Principals.Of(Role.Practitioner)));
        Assert.Null(ConcernAccess.RaiserFcaIdOf(Principals.Of(Role.NctOperator)));
        Assert.False(ConcernAccess.MaySee(Principals.Practitioner(null), Nct));
    }
}
