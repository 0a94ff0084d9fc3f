using Contact.Server.Domain.Cases;
using Contact.Server.Domain.Common;
using Contact.Server.Domain.InformationSharing;

namespace Contact.Tests.Domain;

public class SharingRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 2);
    private static readonly FcaContact Fca = new("Alex Adviser", "alex@cafcass.example", null);
    private static readonly DateTimeOffset Now = new(2026, 6, 2, 9, 0, 0, TimeSpan.Zero);

    private static CaseRecord Case(string id, CaseStatus status, params CaseChild[] children) => new()
    {
        Id = id, CaseNumber = "ZW" + id, Status = status, Opened = new(2020, 1, 1),
        Closed = status == CaseStatus.Closed ? new(2021, 1, 1) : null,
        Fca = new AllocatedFca("fca-1", "Alex Adviser", "alex@cafcass.example", null),
        Children = [.. children],
    };

    private static CaseChild Child(string given, string family, DateOnly dob, string? postcode = null) => new(given, family, dob, [], postcode);

    private static AnswerInput Input(YesNo current, YesNo historic = YesNo.Unspecified, YesNo permission = YesNo.No,
        string? reference = null, string[]? further = null, bool confirm = false, string? reason = null) =>
        new(current, historic, permission, reference, further ?? [], confirm, reason);

    [Fact]
    public void A_request_without_consent_to_checks_is_refused_with_the_clause()
    {
        var request = new SharingRequest { SrsReference = "SRS-1", FamilyName = "Smith", ParentWishingContact = "P", Children = [new("Amy", "Smith", new(2019, 1, 1), [], null)] };
        var refused = Assert.Throws<RuleViolation>(() => SharingRules.ValidateSubmission(request, Today));
        Assert.Equal("Policy 1.8, Annex 1", refused.Clause);
        Assert.Equal("parties_consented_to_checks", refused.Fields.Single().Field);
    }

    [Fact]
    public void Look_up_finds_nothing_a_closed_case_one_open_case_or_refers_doubt_to_a_person()
    {
        var dob = new DateOnly(2018, 4, 5);
        var amy = new ChildIdentity("Amy", "Smith", dob);
        Assert.IsType<LookUpResult.NotKnown>(SharingRules.LookUp([amy], [Case("a", CaseStatus.Open, Child("Zoe", "Jones", dob))]));

        var closed = Case("c", CaseStatus.Closed, Child("Amy", "Smith", dob));
        Assert.Equal(["c"], Assert.IsType<LookUpResult.NotOpen>(SharingRules.LookUp([amy], [closed])).CaseIds);

        var open = Case("o", CaseStatus.Open, Child("Amy", "Smith", dob));
        var found = Assert.IsType<LookUpResult.Open>(SharingRules.LookUp([amy], [closed, open]));
        Assert.Equal("o", found.CaseId);
        Assert.Equal(["c"], found.AlsoMatched);

        // Two records of the same name and birthday at different postcodes: two children, a person decides.
        var there = Case("t", CaseStatus.Open, Child("Amy", "Smith", dob, "LS1 4AP"));
        var here = Case("h", CaseStatus.Open, Child("Amy", "Smith", dob, "NG1 5HJ"));
        Assert.IsType<LookUpResult.Doubtful>(SharingRules.LookUp([amy], [there, here]));

        // A variant name alone is Strong (automatic); a swapped day and month only Possible (a person).
        Assert.IsType<LookUpResult.Open>(SharingRules.LookUp([new ChildIdentity("Liz", "Smith", dob)], [Case("v", CaseStatus.Open, Child("Elizabeth", "Smith", dob))]));
        Assert.IsType<LookUpResult.Doubtful>(SharingRules.LookUp([new ChildIdentity("Amy", "Smith", new(2018, 5, 4))], [open]));
    }

    [Fact]
    public void Siblings_in_two_different_open_cases_go_to_a_person()
    {
        var a = Case("a", CaseStatus.Open, Child("Amy", "Smith", new(2018, 4, 5)));
        var b = Case("b", CaseStatus.Open, Child("Ben", "Smith", new(2020, 7, 1)));
        var result = SharingRules.LookUp([new ChildIdentity("Amy", "Smith", new(2018, 4, 5)), new ChildIdentity("Ben", "Smith", new(2020, 7, 1))], [a, b]);
        Assert.Equal(["a", "b"], Assert.IsType<LookUpResult.Doubtful>(result).CaseIds.Order());
    }

    [Fact]
    public void Answers_are_flags_and_historic_risk_is_asked_only_without_current_risk()
    {
        var c = Case("o", CaseStatus.Open, Child("Amy", "Smith", new(2018, 4, 5)));
        var answer = SharingRules.Answer(c, Input(YesNo.No, YesNo.No), Fca, Now);
        Assert.Equal((YesNo.Yes, YesNo.No, YesNo.No, YesNo.No), (answer.OpenNow, answer.CurrentRisk, answer.HistoricRisk, answer.CourtPermission));
        Assert.Empty(answer.FurtherInformation);

        var refused = Assert.Throws<RuleViolation>(() => SharingRules.Answer(c, Input(YesNo.Yes, YesNo.No), Fca, Now));
        Assert.Equal("Policy Annex 1", refused.Clause);
        var missing = Assert.Throws<RuleViolation>(() => SharingRules.Answer(c, Input(YesNo.No), Fca, Now));
        Assert.Equal("historic_risk", missing.Fields.Single().Field);
    }

    [Fact]
    public void No_risk_against_a_flag_needs_a_confirmation_with_a_reason()
    {
        var c = Case("o", CaseStatus.Open, Child("Amy", "Smith", new(2018, 4, 5)));
        c.HistoricRisk = true;
        Assert.Equal("MOU 2.3.4", Assert.Throws<RuleViolation>(() => SharingRules.Answer(c, Input(YesNo.No, YesNo.No), Fca, Now)).Clause);
        Assert.Equal("MOU 2.3.4", Assert.Throws<RuleViolation>(() => SharingRules.Answer(c, Input(YesNo.No, YesNo.No, confirm: true, reason: " "), Fca, Now)).Clause);
        var answer = SharingRules.Answer(c, Input(YesNo.No, YesNo.No, confirm: true, reason: "Flag raised in error"), Fca, Now);
        Assert.True(SharingRules.NeededConfirmation(c, answer));
        // A "yes" needs no confirmation.
        Assert.False(SharingRules.NeededConfirmation(c, SharingRules.Answer(c, Input(YesNo.No, YesNo.Yes), Fca, Now)));
    }

    [Fact]
    public void Further_information_only_under_a_recorded_permission_and_only_what_it_allows()
    {
        var c = Case("o", CaseStatus.Open, Child("Amy", "Smith", new(2018, 4, 5)));
        Assert.Equal("Policy 1.8", Assert.Throws<RuleViolation>(() => SharingRules.Answer(c, Input(YesNo.No, YesNo.No, YesNo.No, further: ["anything"]), Fca, Now)).Clause);
        Assert.Equal("Policy 1.8", Assert.Throws<RuleViolation>(() => SharingRules.Answer(c, Input(YesNo.No, YesNo.No, YesNo.Yes, "ORDER-1", ["x"]), Fca, Now)).Clause);

        c.CourtPermissions = [new CourtPermission("ORDER-1", new(2026, 3, 3), ["The court has ordered alternate Saturday contact."])];
        Assert.Equal("Policy 1.8", Assert.Throws<RuleViolation>(() => SharingRules.Answer(c, Input(YesNo.No, YesNo.No, YesNo.Yes, "ORDER-2", ["x"]), Fca, Now)).Clause);
        var beyond = Assert.Throws<RuleViolation>(() => SharingRules.Answer(c, Input(YesNo.No, YesNo.No, YesNo.Yes, "ORDER-1",
            ["The court has ordered alternate Saturday contact.", "The father has a conviction."]), Fca, Now));
        Assert.Equal("Policy 1.8", beyond.Clause);

        var answer = SharingRules.Answer(c, Input(YesNo.No, YesNo.No, YesNo.Yes, " order-1 ", ["the court has  ordered alternate saturday contact."]), Fca, Now);
        Assert.Equal(["The court has ordered alternate Saturday contact."], answer.FurtherInformation);
        Assert.Equal("ORDER-1", answer.PermissionReference);
    }

    [Fact]
    public void A_case_closed_since_routing_answers_only_that_it_is_not_open()
    {
        var c = Case("c", CaseStatus.Closed, Child("Amy", "Smith", new(2018, 4, 5)));
        Assert.Equal("MOU 2.3.3", Assert.Throws<RuleViolation>(() => SharingRules.Answer(c, Input(YesNo.No, YesNo.No), Fca, Now)).Clause);
        var answer = SharingRules.Answer(c, Input(YesNo.Unspecified, permission: YesNo.Unspecified), Fca, Now);
        Assert.Equal(YesNo.No, answer.OpenNow);
        Assert.Contains(SharingRules.NotOpenMessage, SharingRules.AnswerItems(answer));
    }

    [Fact]
    public void Cases_go_back_to_2005_and_an_open_case_needs_its_fca()
    {
        var c = Case("o", CaseStatus.Open, Child("Amy", "Smith", new(2018, 4, 5)));
        c.Opened = new(2004, 12, 31);
        c.Fca = null;
        var refused = Assert.Throws<RuleViolation>(() => CaseRules.Validate(c, Today));
        Assert.Contains(refused.Fields, f => f.Field == "case.opened_date");
        Assert.Contains(refused.Fields, f => f.Field == "case.allocated_fca");
    }

    [Theory]
    [InlineData(SharingState.AwaitingCallCentre, 1, true)]
    [InlineData(SharingState.WithFca, 1, true)]
    [InlineData(SharingState.WithFca, 0, false)]     // due now is not yet overdue
    [InlineData(SharingState.WithFca, -1, false)]
    [InlineData(SharingState.NotOpen, 1, false)]     // answered: nothing is due
    [InlineData(SharingState.Answered, 1, false)]
    public void A_request_is_overdue_only_while_its_step_is_open_and_past_due(SharingState state, int minutesPastDue, bool overdue)
    {
        var r = new SharingRequest { State = state, Due = Now };
        Assert.Equal(overdue, r.IsOverdue(Now.AddMinutes(minutesPastDue)));
        Assert.False(new SharingRequest { State = SharingState.AwaitingCallCentre }.IsOverdue(Now)); // no due time set
    }
}
