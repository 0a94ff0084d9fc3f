using Contact.Server.Domain.Common;
using Contact.Server.Domain.Register;

namespace Contact.Tests.Domain;

public class AccreditationRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 2);
    private static readonly DateTimeOffset Now = new(2026, 6, 2, 9, 0, 0, TimeSpan.Zero);

    private static Centre CentreOffering(params ContactKind[] types) => new() { Id = "c1", DisplayName = "C1", ContactTypes = [.. types] };

    [Theory]
    [InlineData(ContactKind.Supported, AccreditationLevel.Standard)]
    [InlineData(ContactKind.Handover, AccreditationLevel.Standard)]
    [InlineData(ContactKind.Indirect, AccreditationLevel.Standard)]
    [InlineData(ContactKind.Supervised, AccreditationLevel.Enhanced)]
    public void Each_contact_type_needs_its_level_MOU_2_1_1(ContactKind type, AccreditationLevel level) =>
        Assert.Equal(level, AccreditationRules.LevelFor(type));

    [Fact]
    public void Accreditation_past_its_renewal_date_is_lapsed_at_once_MOU_2_1_3()
    {
        var record = new AccreditationRecord { Level = AccreditationLevel.Standard, Status = AccreditationStatus.Accredited, RenewalDue = Today };
        Assert.Equal(AccreditationStatus.Accredited, AccreditationRules.EffectiveStatus(record, Today));
        Assert.Equal(AccreditationStatus.Lapsed, AccreditationRules.EffectiveStatus(record, Today.AddDays(1)));
    }

    [Fact]
    public void Only_an_accredited_level_makes_a_centre_a_referral_target_Policy_1_2()
    {
        var centre = CentreOffering(ContactKind.Supported, ContactKind.Supervised);
        AccreditationRules.Apply(centre, AccreditationLevel.Standard, AccreditationAction.Grant, Today, null, "panel", "NACCC", Now, Today);

        Assert.True(AccreditationRules.IsAccreditedFor(centre, ContactKind.Supported, Today));
        Assert.False(AccreditationRules.IsAccreditedFor(centre, ContactKind.Supervised, Today)); // enhanced never granted
        Assert.False(AccreditationRules.IsAccreditedFor(centre, ContactKind.Handover, Today));   // not offered
        Assert.False(AccreditationRules.IsAccreditedFor(centre, ContactKind.Supported, Today.AddYears(3).AddDays(1)));
    }

    [Theory]
    [InlineData(AccreditationAction.Suspend, AccreditationStatus.Suspended)]
    [InlineData(AccreditationAction.Withdraw, AccreditationStatus.Withdrawn)]
    [InlineData(AccreditationAction.Lapse, AccreditationStatus.Lapsed)]
    [InlineData(AccreditationAction.Renew, AccreditationStatus.Accredited)]
    public void Decisions_on_an_accredited_level_move_it_MOU_2_1_1(AccreditationAction action, AccreditationStatus expected)
    {
        var centre = CentreOffering(ContactKind.Supported);
        AccreditationRules.Apply(centre, AccreditationLevel.Standard, AccreditationAction.Grant, Today, null, "panel", "NACCC", Now, Today);
        var changes = AccreditationRules.Apply(centre, AccreditationLevel.Standard, action, Today, null, "why", "NACCC", Now, Today);
        Assert.Equal(expected, changes[^1].NewStatus);
        Assert.Equal(AccreditationStatus.Accredited, changes[^1].PreviousStatus);
        Assert.Equal(2, centre.Accreditation(AccreditationLevel.Standard)!.History.Count);
    }

    [Theory]
    [InlineData(AccreditationAction.Suspend)]
    [InlineData(AccreditationAction.Reinstate)]
    [InlineData(AccreditationAction.Renew)]
    [InlineData(AccreditationAction.Lapse)]
    [InlineData(AccreditationAction.Withdraw)]
    public void Decisions_that_need_an_accreditation_are_refused_on_a_new_centre_MOU_2_1_1(AccreditationAction action)
    {
        var centre = CentreOffering(ContactKind.Supported);
        var refused = Assert.Throws<RuleViolation>(() =>
            AccreditationRules.Apply(centre, AccreditationLevel.Standard, action, Today, null, "why", "NACCC", Now, Today));
        Assert.Equal("MOU 2.1.1", refused.Clause);
        Assert.Equal(Reasons.IllegalAccreditationTransition, refused.Reason);
    }

    [Fact]
    public void A_decision_on_an_overdue_level_records_the_lapse_first_MOU_2_1_3()
    {
        var centre = CentreOffering(ContactKind.Supported);
        var granted = Today.AddYears(-4);
        AccreditationRules.Apply(centre, AccreditationLevel.Standard, AccreditationAction.Grant, granted, null, "panel", "NACCC", Now, granted);

        var changes = AccreditationRules.Apply(centre, AccreditationLevel.Standard, AccreditationAction.Renew, Today, null, "re-accredited", "NACCC", Now, Today);

        Assert.Equal([AccreditationAction.Lapse, AccreditationAction.Renew], changes.Select(c => c.Action));
        Assert.Equal(AccreditationRules.SystemActor, changes[0].Actor);
        Assert.Equal(Today.AddYears(3), centre.Accreditation(AccreditationLevel.Standard)!.RenewalDue);
    }

    [Fact]
    public void Suspension_is_lifted_with_the_same_renewal_date()
    {
        var centre = CentreOffering(ContactKind.Supervised);
        AccreditationRules.Apply(centre, AccreditationLevel.Enhanced, AccreditationAction.Grant, Today, null, "panel", "NACCC", Now, Today);
        AccreditationRules.Apply(centre, AccreditationLevel.Enhanced, AccreditationAction.Suspend, Today, null, "standards", "NACCC", Now, Today);
        Assert.False(AccreditationRules.IsAccreditedFor(centre, ContactKind.Supervised, Today));
        AccreditationRules.Apply(centre, AccreditationLevel.Enhanced, AccreditationAction.Reinstate, Today, null, "remedied", "NACCC", Now, Today);
        Assert.True(AccreditationRules.IsAccreditedFor(centre, ContactKind.Supervised, Today));
        Assert.Equal(Today.AddYears(3), centre.Accreditation(AccreditationLevel.Enhanced)!.RenewalDue);
    }
}
