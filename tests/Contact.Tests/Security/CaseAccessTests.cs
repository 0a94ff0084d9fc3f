using Contact.Server.Domain.Cases;
using Contact.Server.Domain.Common;
using Contact.Server.Security;
using Contact.Tests.Support;

namespace Contact.Tests.Security;

/// <summary>Who reads a case and its disclosure statement (MOU 2.3.2-2.3.5).</summary>
public sealed class CaseAccessTests
{
    private static readonly CaseRecord Ours = Allocated(Principals.Fca);
    private static readonly CaseRecord Theirs = Allocated("fca-other");

    [Theory]
    [InlineData(Role.NctOperator, true, true)]
    [InlineData(Role.CaseSystem, true, true)]
    [InlineData(Role.Practitioner, false, false)]
    [InlineData(Role.Auditor, false, true)]
    [InlineData(Role.Naccc, false, false)]
    [InlineData(Role.CallCentre, false, false)]
    [InlineData(Role.ContactCentre, false, false)]
    public void Another_fcas_case_is_read_only_by_the_roles_that_read_every_case(Role role, bool readsCase, bool readsDisclosures)
    {
        var p = Principals.Of(role);
        Assert.Equal(readsCase, CaseAccess.MayRead(p, Theirs));
        Assert.Equal(readsDisclosures, CaseAccess.MayReadDisclosures(p, Theirs));
    }

    [Fact]
    public void A_practitioner_reads_a_case_allocated_to_them_and_its_disclosures()
    {
        var p = Principals.Of(Role.Practitioner);
        Assert.True(CaseAccess.IsAllocatedTo(p, Ours));
        Assert.Same(Ours, CaseAccess.Readable(p, Ours, "cases/ours"));
        Assert.Same(Ours, CaseAccess.DisclosuresReadable(p, Ours, "cases/ours"));
    }

    [Fact]
    public void A_practitioner_without_an_fca_identity_reads_no_case_not_even_an_unallocated_one()
    {
        var p = Principals.Practitioner(null);
        Assert.False(CaseAccess.MayRead(p, new CaseRecord { Id = "c1" }));
        Assert.False(CaseAccess.MayRead(p, Ours));
    }

    [Fact]
    public void A_case_the_caller_may_not_read_is_refused_as_one_that_does_not_exist()
    {
        var p = Principals.Of(Role.Practitioner);
        var hidden = Assert.Throws<RuleViolation>(() => CaseAccess.Readable(p, Theirs, "cases/theirs"));
        var missing = Assert.Throws<RuleViolation>(() => CaseAccess.Readable(p, null, "cases/theirs"));
        Assert.Equal(RefusalKind.NotFound, hidden.Kind);
        Assert.Equal((missing.Kind, missing.Message), (hidden.Kind, hidden.Message));
        Assert.Equal(RefusalKind.NotFound, Assert.Throws<RuleViolation>(() => CaseAccess.DisclosuresReadable(p, Theirs, "cases/theirs")).Kind);
    }

    [Fact]
    public void The_disclosure_readers_are_the_case_readers_and_auditors()
    {
        Assert.Equal([.. RoleSets.ReadEveryCase, Role.Auditor], RoleSets.ReadEveryDisclosureStatement);
    }

    private static CaseRecord Allocated(string fcaId) => new()
    {
        Id = "c-" + fcaId,
        CaseNumber = "ZE26C00123",
        Status = CaseStatus.Open,
        Fca = new AllocatedFca(fcaId, "An FCA", null, null),
    };
}
