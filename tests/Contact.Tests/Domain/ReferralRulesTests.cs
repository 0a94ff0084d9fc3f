using Contact.Server.Domain.Common;
using Contact.Server.Domain.Referrals;
using Contact.Server.Domain.Register;

namespace Contact.Tests.Domain;

public class ReferralRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 2);
    private static readonly DateTimeOffset Now = new(2026, 6, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Centre = new("Riverside CCC", 5);

    /// <summary>A centre accredited at both levels and commissioned for supervised contact.</summary>
    private static Centre Target(bool commissioned = true)
    {
        var centre = new Centre { Id = "c1", DisplayName = "Riverside CCC", ContactTypes = [ContactKind.Supported, ContactKind.Supervised, ContactKind.Handover] };
        AccreditationRules.Apply(centre, AccreditationLevel.Standard, AccreditationAction.Grant, Today, null, "panel", "NACCC", Now, Today);
        AccreditationRules.Apply(centre, AccreditationLevel.Enhanced, AccreditationAction.Grant, Today, null, "panel", "NACCC", Now, Today);
        if (commissioned) (centre.ContractReference, centre.CommissionStart) = ("NCT-1", Today.AddMonths(-1));
        return centre;
    }

    private static Referral Valid(ContactKind type = ContactKind.Supported) => new()
    {
        CaseNumber = "ZE26C00123",
        Children = [new Child("Amelia", "Stone", new DateOnly(2019, 3, 14))],
        Kind = ReferralKind.PlannedWork,
        ContactType = type,
        CentreId = "c1",
        Risk = RiskLevel.None,
        PreparationPlan = "FCA explains the visit with a picture book",
        PreparationDeliveredBy = "the FCA",
        FamilyAware = true,
        NatureOfDispute = "Arrangements for the child to spend time with her father",
        FcaId = "fca-1",
    };

    private static RuleViolation Refused(Action act) => Assert.Throws<RuleViolation>(act);

    [Fact]
    public void A_complete_referral_to_an_accredited_centre_is_submitted_with_its_first_history_entry()
    {
        var r = Valid();
        ReferralRules.Submit(r, Target(), new Actor("Jo FCA", 3), Now, Today);
        Assert.Equal(ReferralStatus.Submitted, r.Status);
        Assert.Equal("Riverside CCC", r.CentreDisplayName);
        var first = Assert.Single(r.History);
        Assert.Equal((ReferralAction.Submit, "Jo FCA", Now), (first.Action, first.Actor, first.Time));
    }

    [Fact]
    public void No_preparation_plan_or_no_one_to_deliver_it_is_refused_Policy_1_3()
    {
        var r = Valid();
        r.PreparationPlan = " ";
        Assert.Equal("Policy 1.3", Refused(() => ReferralRules.CheckSubmission(r, Target(), Today)).Clause);
        r = Valid();
        r.PreparationDeliveredBy = "";
        var refusal = Refused(() => ReferralRules.CheckSubmission(r, Target(), Today));
        Assert.Equal(("Policy 1.3", "referral.child_preparation.delivered_by"), (refusal.Clause, refusal.Fields.Single().Field));
    }

    [Fact]
    public void A_family_not_aware_is_refused_MOU_2_2_6()
    {
        var r = Valid();
        r.FamilyAware = false;
        Assert.Equal("MOU 2.2.6", Refused(() => ReferralRules.CheckSubmission(r, Target(), Today)).Clause);
    }

    [Fact]
    public void Further_case_information_needs_a_recorded_court_permission_Policy_1_8()
    {
        var r = Valid();
        r.FurtherInformation = "Details of the proceedings";
        var refusal = Refused(() => ReferralRules.CheckSubmission(r, Target(), Today));
        Assert.Equal(("Policy 1.8", RefusalKind.Invalid), (refusal.Clause, refusal.Kind));

        r.CourtPermissionReference = "Order of HHJ Smith, 3 May 2026, para 4";
        ReferralRules.CheckSubmission(r, Target(), Today);
    }

    [Theory]
    [InlineData(ContactKind.Supported, true)]
    [InlineData(ContactKind.Handover, true)]
    [InlineData(ContactKind.Supervised, false)]
    public void Significant_risk_refuses_contact_at_a_supported_centre_and_points_to_supervised_MOU_2_2_4(ContactKind type, bool refused)
    {
        var r = Valid(type);
        r.SignificantRisk = true;
        r.Risk = RiskLevel.Actual;
        if (!refused) { ReferralRules.CheckSubmission(r, Target(), Today); return; }
        var refusal = Refused(() => ReferralRules.CheckSubmission(r, Target(), Today));
        Assert.Equal("MOU 2.2.4", refusal.Clause);
        Assert.Contains("supervised", refusal.Message);
    }

    [Fact]
    public void A_centre_not_accredited_now_for_the_type_is_refused_Policy_1_2()
    {
        var centre = Target();
        var r = Valid();
        // The standard accreditation passes its renewal date: lapsed at once, recorded or not.
        var refusal = Refused(() => ReferralRules.CheckSubmission(r, centre, Today.AddYears(3).AddDays(1)));
        Assert.Equal(("Policy 1.2", Reasons.NotAccredited, RefusalKind.FailedPrecondition), (refusal.Clause, refusal.Reason, refusal.Kind));

        centre.ContactTypes.Remove(ContactKind.Handover);
        Assert.Equal("Policy 1.2", Refused(() => ReferralRules.CheckSubmission(Valid(ContactKind.Handover), centre, Today)).Clause);
        Assert.Equal(RefusalKind.NotFound, Refused(() => ReferralRules.CheckSubmission(r, null, Today)).Kind);
    }

    [Fact]
    public void Supervised_contact_goes_only_to_a_service_NCT_commissions_now_Policy_1_4()
    {
        var r = Valid(ContactKind.Supervised);
        r.Risk = RiskLevel.Potential;
        Assert.Equal("Policy 1.4", Refused(() => ReferralRules.CheckSubmission(r, Target(commissioned: false), Today)).Clause);

        var ended = Target();
        ended.CommissionEnd = Today.AddDays(-1);
        Assert.Equal("Policy 1.4", Refused(() => ReferralRules.CheckSubmission(r, ended, Today)).Clause);
        ReferralRules.CheckSubmission(r, Target(), Today);
    }

    [Fact]
    public void Field_checks_report_every_problem_at_once()
    {
        var r = Valid();
        r.CaseNumber = "";
        r.Children = [new Child("", "Stone", Today.AddDays(1)), new Child("Old", "Stone", Today.AddYears(-18))];
        r.Kind = ReferralKind.Unspecified;
        r.SignificantRisk = true;
        var v = new Validation();
        ReferralRules.Validate(r, Today, v);
        var fields = Assert.Throws<RuleViolation>(v.ThrowIfInvalid).Fields.Select(f => f.Field).ToList();
        Assert.Contains("referral.case_number", fields);
        Assert.Contains("referral.children[0].given_names", fields);
        Assert.Contains("referral.children[0].birth_date", fields);
        Assert.Contains("referral.children[1].birth_date", fields);
        Assert.Contains("referral.kind", fields);
        Assert.Contains("referral.risk_assessment.risk_level", fields);
    }

    [Theory]
    [InlineData(ReferralStatus.Submitted, ReferralAction.Accept, ReferralStatus.Accepted)]
    [InlineData(ReferralStatus.Submitted, ReferralAction.Decline, ReferralStatus.Declined)]
    [InlineData(ReferralStatus.Submitted, ReferralAction.Waitlist, ReferralStatus.Waitlisted)]
    [InlineData(ReferralStatus.Waitlisted, ReferralAction.Accept, ReferralStatus.Accepted)]
    [InlineData(ReferralStatus.Waitlisted, ReferralAction.Start, ReferralStatus.InProgress)]
    [InlineData(ReferralStatus.Accepted, ReferralAction.Start, ReferralStatus.InProgress)]
    [InlineData(ReferralStatus.InProgress, ReferralAction.Complete, ReferralStatus.Completed)]
    [InlineData(ReferralStatus.InProgress, ReferralAction.Withdraw, ReferralStatus.Withdrawn)]
    [InlineData(ReferralStatus.Accepted, ReferralAction.Cancel, ReferralStatus.Cancelled)]
    public void Legal_transitions(ReferralStatus from, ReferralAction action, ReferralStatus to) =>
        Assert.Equal(to, ReferralRules.Next(from, action));

    [Theory]
    [InlineData(ReferralStatus.Submitted, ReferralAction.Start)]
    [InlineData(ReferralStatus.Submitted, ReferralAction.Complete)]
    [InlineData(ReferralStatus.Accepted, ReferralAction.Complete)]
    [InlineData(ReferralStatus.InProgress, ReferralAction.Decline)]
    [InlineData(ReferralStatus.Completed, ReferralAction.Withdraw)]
    [InlineData(ReferralStatus.Declined, ReferralAction.Accept)]
    [InlineData(ReferralStatus.Withdrawn, ReferralAction.Cancel)]
    [InlineData(ReferralStatus.Cancelled, ReferralAction.Start)]
    public void Illegal_transitions_are_failed_precondition_and_change_nothing(ReferralStatus from, ReferralAction action)
    {
        var r = Valid();
        r.Status = from;
        var refusal = Refused(() => ReferralRules.Apply(r, action, new(), Centre, Now, Target(), Today));
        Assert.Equal(RefusalKind.FailedPrecondition, refusal.Kind);
        Assert.Equal(from, r.Status);
        Assert.Empty(r.History);
    }

    [Fact]
    public void Declines_need_a_reason_and_waitlisting_an_expected_start_not_in_the_past()
    {
        Assert.Equal("reason", Refused(() => ReferralRules.ValidateDetails(ReferralAction.Decline, new(), Today)).Fields.Single().Field);
        Assert.Equal("note", Refused(() => ReferralRules.ValidateDetails(ReferralAction.Decline, new(DeclineReason: DeclineReason.Other), Today)).Fields.Single().Field);
        Assert.Equal("expected_start_date", Refused(() => ReferralRules.ValidateDetails(ReferralAction.Waitlist, new(ExpectedStart: Today.AddDays(-1)), Today)).Fields.Single().Field);
        Assert.Equal("reason", Refused(() => ReferralRules.ValidateDetails(ReferralAction.Withdraw, new(), Today)).Fields.Single().Field);
        ReferralRules.ValidateDetails(ReferralAction.Waitlist, new(ExpectedStart: Today), Today);
    }

    [Theory]
    [InlineData(ReferralAction.Accept, ReferralStatus.Submitted)]
    [InlineData(ReferralAction.Waitlist, ReferralStatus.Submitted)]
    [InlineData(ReferralAction.Start, ReferralStatus.Accepted)]
    public void A_centre_that_lost_its_accreditation_cannot_take_the_family_on(ReferralAction action, ReferralStatus from)
    {
        var r = Valid();
        ReferralRules.Submit(r, Target(), new Actor("Jo FCA", 3), Now, Today);
        r.Status = from;
        var suspended = Target();
        AccreditationRules.Apply(suspended, AccreditationLevel.Standard, AccreditationAction.Suspend, Today, null, "concern", "NACCC", Now, Today);

        var refusal = Refused(() => ReferralRules.Apply(r, action, new(ExpectedStart: Today.AddDays(7)), Centre, Now, suspended, Today));
        Assert.Equal((RefusalKind.FailedPrecondition, "Policy 1.2"), (refusal.Kind, refusal.Clause));
        Assert.Equal(from, r.Status);
        Assert.Single(r.History);

        // Cancelling (like declining or withdrawing) takes the family away from the centre: still open.
        ReferralRules.Apply(r, ReferralAction.Cancel, new(Note: "Centre suspended"), Centre, Now, suspended, Today);
        Assert.Equal(ReferralStatus.Cancelled, r.Status);
    }

    [Fact]
    public void A_supervised_referral_is_not_started_once_commissioning_has_ended()
    {
        var r = Valid();
        r.ContactType = ContactKind.Supervised;
        r.Risk = RiskLevel.Potential;
        ReferralRules.Submit(r, Target(), new Actor("Jo FCA", 3), Now, Today);
        r.Status = ReferralStatus.Accepted;

        var refusal = Refused(() => ReferralRules.Apply(r, ReferralAction.Start, new(), Centre, Now, Target(commissioned: false), Today));
        Assert.Equal((RefusalKind.FailedPrecondition, "Policy 1.4"), (refusal.Kind, refusal.Clause));
        Assert.Equal(ReferralStatus.Accepted, r.Status);
    }

    [Fact]
    public void Transitions_are_dated_and_attributed()
    {
        var r = Valid();
        ReferralRules.Submit(r, Target(), new Actor("Jo FCA", 3), Now, Today);
        ReferralRules.Apply(r, ReferralAction.Waitlist, new("Full until July", ExpectedStart: Today.AddDays(30)), Centre, Now.AddHours(1), Target(), Today);
        var entry = r.History[^1];
        Assert.Equal((ReferralStatus.Submitted, ReferralStatus.Waitlisted, "Riverside CCC", 5, Now.AddHours(1)), (entry.From, entry.To, entry.Actor, entry.ActorRole, entry.Time));
        Assert.Equal(Today.AddDays(30), r.ExpectedStart);
    }

    [Theory]
    [InlineData(ContactKind.Supported, AccreditationLevel.Standard, ReferralStatus.Accepted, true)]
    [InlineData(ContactKind.Supported, AccreditationLevel.Enhanced, ReferralStatus.Accepted, false)]
    [InlineData(ContactKind.Supervised, AccreditationLevel.Enhanced, ReferralStatus.InProgress, true)]
    [InlineData(ContactKind.Supported, AccreditationLevel.Standard, ReferralStatus.Completed, false)]
    public void An_open_referral_is_flagged_when_its_centre_loses_the_accreditation_its_type_needs(ContactKind type, AccreditationLevel level, ReferralStatus status, bool affected)
    {
        var r = Valid(type);
        r.Status = status;
        var change = new AccreditationChange
        {
            Sequence = 7, CentreId = "c1", CentreDisplayName = "Riverside CCC", Level = level, Action = AccreditationAction.Lapse,
            PreviousStatus = AccreditationStatus.Accredited, NewStatus = AccreditationStatus.Lapsed, EffectiveDate = Today, Reason = "Renewal date passed",
        };
        Assert.Equal(affected, ReferralRules.IsAffectedBy(r, change));
        if (!affected) return;

        var flag = ReferralRules.FlagLostAccreditation(r, change, Now);
        Assert.Equal((ReferralFlagKind.CentreLostAccreditation, Today, 7L), (flag.Kind, flag.EffectiveDate, flag.AccreditationSequence));
        Assert.Contains("lapsed", flag.Reason);
        Assert.False(ReferralRules.IsAffectedBy(r, change)); // flagged once per change
    }
}
