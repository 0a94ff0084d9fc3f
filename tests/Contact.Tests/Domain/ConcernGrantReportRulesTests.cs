using Microsoft.Extensions.Configuration;
using Contact.Server.Domain.Common;
using Contact.Server.Domain.Concerns;
using Contact.Server.Domain.Grants;
using Contact.Server.Domain.Register;
using Contact.Server.Domain.Reports;

namespace Contact.Tests.Domain;

public class ConcernRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 6, 2);
    private static readonly ConcernDeadlines Deadlines = new();

    private static Concern New(ConcernType type, ConcernStatus status = ConcernStatus.Raised)
    {
        var c = new Concern { Id = "c1", Type = type, CentreId = type == ConcernType.UnaccreditedOrganisation ? null : "x", Raised = Now };
        ConcernRules.Enter(c, status, Today, Deadlines);
        return c;
    }

    [Theory]
    [InlineData(ConcernStatus.Raised, ConcernAction.StartReview, ConcernStatus.UnderReview)]
    [InlineData(ConcernStatus.UnderReview, ConcernAction.AlertNaccc, ConcernStatus.NacccAlerted)]
    [InlineData(ConcernStatus.NacccAlerted, ConcernAction.RecordNacccResponse, ConcernStatus.NacccResponded)]
    [InlineData(ConcernStatus.NacccResponded, ConcernAction.Resolve, ConcernStatus.Resolved)]
    [InlineData(ConcernStatus.UnderReview, ConcernAction.CloseNoFurtherAction, ConcernStatus.NoFurtherAction)]
    [InlineData(ConcernStatus.Resolved, ConcernAction.AddNote, ConcernStatus.Resolved)]
    public void Allowed_steps_lead_to_their_status(ConcernStatus from, ConcernAction action, ConcernStatus to) =>
        Assert.Equal(to, ConcernRules.Next(ConcernType.Quality, from, action));

    [Theory]
    [InlineData(ConcernStatus.Raised, ConcernAction.AlertNaccc)]
    [InlineData(ConcernStatus.Raised, ConcernAction.Resolve)]
    [InlineData(ConcernStatus.UnderReview, ConcernAction.RecordNacccResponse)]
    [InlineData(ConcernStatus.Resolved, ConcernAction.StartReview)]
    [InlineData(ConcernStatus.NoFurtherAction, ConcernAction.Resolve)]
    public void Steps_out_of_order_are_refused_with_the_clause(ConcernStatus from, ConcernAction action)
    {
        var c = New(ConcernType.StandardsCompliance, from);
        var ex = Assert.Throws<RuleViolation>(() => ConcernRules.Apply(c, action, "n", Today, null, "nct", Now, Today, Deadlines));
        Assert.Equal(RefusalKind.FailedPrecondition, ex.Kind);
        Assert.Equal("Policy 1.7, MOU 2.1.4", ex.Clause);
        Assert.Equal(from, c.Status);
    }

    [Fact]
    public void A_compliance_concern_is_not_resolved_before_NACCC_is_alerted_but_a_quality_one_may_be()
    {
        var compliance = New(ConcernType.StandardsCompliance, ConcernStatus.UnderReview);
        Assert.Equal("Policy 1.7, MOU 2.1.4", Assert.Throws<RuleViolation>(() => ConcernRules.Apply(compliance, ConcernAction.Resolve, "", Today, null, "nct", Now, Today, Deadlines)).Clause);
        var quality = New(ConcernType.Quality, ConcernStatus.UnderReview);
        ConcernRules.Apply(quality, ConcernAction.Resolve, "", Today, null, "nct", Now, Today, Deadlines);
        Assert.True(quality.IsClosed);
        Assert.Null(quality.DueDate);
    }

    [Fact]
    public void Only_an_unaccredited_organisation_is_encouraged_and_linked_once_Policy_1_6()
    {
        var compliance = New(ConcernType.StandardsCompliance, ConcernStatus.UnderReview);
        Assert.Equal("Policy 1.6", Assert.Throws<RuleViolation>(() => ConcernRules.Apply(compliance, ConcernAction.EncourageAccreditation, "", Today, null, "nct", Now, Today, Deadlines)).Clause);
        Assert.Equal("Policy 1.6", Assert.Throws<RuleViolation>(() => ConcernRules.Apply(compliance, ConcernAction.LinkCentre, "", Today, "y", "nct", Now, Today, Deadlines)).Clause);

        var org = New(ConcernType.UnaccreditedOrganisation, ConcernStatus.UnderReview);
        ConcernRules.Apply(org, ConcernAction.EncourageAccreditation, "", Today, null, "nct", Now, Today, Deadlines);
        Assert.Equal(ConcernStatus.AccreditationEncouraged, org.Status);
        ConcernRules.Apply(org, ConcernAction.LinkCentre, "", Today, "centre1", "nct", Now, Today, Deadlines);
        Assert.Equal("centre1", org.CentreId);
        Assert.Equal(ConcernStatus.AccreditationEncouraged, org.Status);
        Assert.Throws<RuleViolation>(() => ConcernRules.Apply(org, ConcernAction.LinkCentre, "", Today, "centre2", "nct", Now, Today, Deadlines));
    }

    [Fact]
    public void Each_step_is_due_its_configured_days_after_it_began_and_is_overdue_the_day_after()
    {
        var deadlines = new ConcernDeadlines { ReviewDays = 1, AlertDays = 7 };
        var c = new Concern { Type = ConcernType.Quality, CentreId = "x", Raised = Now };
        ConcernRules.Enter(c, ConcernStatus.Raised, Today, deadlines);
        Assert.Equal(Today.AddDays(1), c.DueDate);
        Assert.False(c.IsOverdue(Today.AddDays(1)));
        Assert.True(c.IsOverdue(Today.AddDays(2)));
        ConcernRules.Apply(c, ConcernAction.StartReview, "", Today, null, "nct", Now, Today.AddDays(2), deadlines);
        Assert.Equal(Today.AddDays(9), c.DueDate);
    }

    [Fact]
    public void A_new_concern_names_a_centre_or_an_organisation_by_type()
    {
        var v = new Validation();
        ConcernRules.ValidateNew(new Concern { Type = ConcernType.UnaccreditedOrganisation, CentreId = "x", Description = "d" }, v);
        var ex = Assert.Throws<RuleViolation>(v.ThrowIfInvalid);
        Assert.Contains(ex.Fields, f => f.Field == "concern.centre");
        Assert.Contains(ex.Fields, f => f.Field == "concern.organisation.offers");
    }

    [Fact]
    public void A_new_concern_naming_the_wrong_kind_of_organisation_is_refused_with_its_clause()
    {
        var v = new Validation();
        ConcernRules.ValidateNew(new Concern { Type = ConcernType.Quality, Description = "d" }, v);
        var ex = Assert.Throws<RuleViolation>(v.ThrowIfInvalid);
        Assert.Equal(RefusalKind.Invalid, ex.Kind);
        Assert.Equal("MOU 2.4.3", ex.Clause);
        Assert.Contains(ex.Fields, f => f.Field == "concern.centre");
    }
}

public class GrantRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 2);

    private static Centre Supported(AccreditationStatus status = AccreditationStatus.Accredited) => new()
    {
        Id = "c1",
        ContactTypes = [ContactKind.Supported],
        Accreditations = [new AccreditationRecord { Level = AccreditationLevel.Standard, Status = status, RenewalDue = Today.AddYears(1) }],
    };

    [Theory]
    [InlineData("2026-27", 2026)]
    [InlineData("2099-00", 2099)]
    public void Financial_years_run_April_to_March(string text, int start)
    {
        var year = FinancialYear.Parse(text)!.Value;
        Assert.Equal(new DateOnly(start, 4, 1), year.Start);
        Assert.Equal(new DateOnly(start + 1, 3, 31), year.End);
        Assert.Equal(text, year.ToString());
    }

    [Theory]
    [InlineData("2026-28")]
    [InlineData("2026/27")]
    [InlineData("26-27")]
    [InlineData("")]
    public void Malformed_years_are_refused(string text) => Assert.Null(FinancialYear.Parse(text));

    [Fact]
    public void The_year_containing_a_day()
    {
        Assert.Equal("2025-26", FinancialYear.Containing(new DateOnly(2026, 3, 31)).ToString());
        Assert.Equal("2026-27", FinancialYear.Containing(new DateOnly(2026, 4, 1)).ToString());
    }

    [Fact]
    public void An_award_within_the_remaining_budget_passes_and_one_past_it_is_refused_MOU_2_4_2()
    {
        var round = new GrantRound { Id = "2026-27", BudgetPence = 1000 };
        var app = new GrantApplication { CentreId = "c1", RequestedPence = 600 };
        GrantRules.CheckAward(round, 400, app, 600, Supported(), Today);
        var ex = Assert.Throws<RuleViolation>(() => GrantRules.CheckAward(round, 401, app, 600, Supported(), Today));
        Assert.Equal("MOU 2.4.2", ex.Clause);
        Assert.Throws<RuleViolation>(() => GrantRules.CheckAward(round, 0, app, 601, Supported(), Today));
    }

    [Theory]
    [InlineData(AccreditationStatus.Suspended)]
    [InlineData(AccreditationStatus.Withdrawn)]
    [InlineData(AccreditationStatus.Candidate)]
    public void Only_a_centre_accredited_for_supported_contact_is_eligible(AccreditationStatus status)
    {
        var ex = Assert.Throws<RuleViolation>(() => GrantRules.RequireEligible(Supported(status), Today));
        Assert.Equal("MOU 2.4.2, 2.1.2", ex.Clause);
        GrantRules.RequireEligible(Supported(), Today);
    }

    [Fact]
    public void Losing_standard_accreditation_flags_and_enhanced_changes_do_not()
    {
        Assert.NotNull(GrantRules.FlagReason(new AccreditationChange { Level = AccreditationLevel.Standard, NewStatus = AccreditationStatus.Lapsed }));
        Assert.Null(GrantRules.FlagReason(new AccreditationChange { Level = AccreditationLevel.Enhanced, NewStatus = AccreditationStatus.Withdrawn }));
        Assert.Null(GrantRules.FlagReason(new AccreditationChange { Level = AccreditationLevel.Standard, NewStatus = AccreditationStatus.Accredited }));
    }
}

public class ReviewReportRulesTests
{
    [Fact]
    public void The_MOU_runs_36_months_from_16_April_2018_with_annual_reviews()
    {
        var mou = new MouOptions();
        Assert.Equal(new DateOnly(2021, 4, 15), mou.EndDate);
        Assert.Equal([new DateOnly(2019, 4, 16), new DateOnly(2020, 4, 16)], mou.ReviewDates());
        Assert.True(mou.InForce(new DateOnly(2019, 1, 1)));
        Assert.False(mou.InForce(new DateOnly(2021, 4, 16)));
    }

    [Fact]
    public void The_MOU_dates_and_concern_deadlines_are_configurable()
    {
        var config = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Contact:Mou:SignedDate"] = "2021-04-16",
            ["Contact:Mou:ReviewDueDates:0"] = "2022-05-01",
            ["Contact:Concerns:AlertDays"] = "3",
        }).Build();
        var mou = Microsoft.Extensions.Configuration.ConfigurationBinder.Get<MouOptions>(config.GetSection("Contact:Mou"))!;
        Assert.Equal(new DateOnly(2021, 4, 16), mou.SignedDate);
        Assert.Equal(new DateOnly(2024, 4, 15), mou.EndDate);
        Assert.Equal([new DateOnly(2022, 5, 1)], mou.ReviewDates());
        var deadlines = Microsoft.Extensions.Configuration.ConfigurationBinder.Get<ConcernDeadlines>(config.GetSection("Contact:Concerns"))!;
        Assert.Equal(3, deadlines.AlertDays);
        Assert.Equal(2, deadlines.ReviewDays);
    }

    [Fact]
    public void CSV_cells_are_quoted_and_formula_like_labels_defused()
    {
        var section = new ReportSection("s", "t", [], ["org"], ["n"], [new ReportRow(["=HYPERLINK(\"x\"), inc"], [1.5])]);
        var csv = ReviewReportBuilder.ToCsv(new ReportPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), [section]);
        Assert.EndsWith("s,2026-01-01,2026-12-31,\"org==HYPERLINK(\"\"x\"\"), inc\",,,n,1.5\r\n", csv);
        var formula = new ReportSection("-x", "t", [], [], ["@SUM(A1)"], [new ReportRow([], [-3])]);
        var defused = ReviewReportBuilder.ToCsv(new ReportPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), [formula]);
        Assert.EndsWith("\"'-x\",2026-01-01,2026-12-31,,,,\"'@SUM(A1)\",-3\r\n", defused);
    }

    [Fact]
    public void A_contributor_whose_rows_do_not_match_its_columns_is_a_bug_not_a_report()
    {
        var bad = new Contributor(new ReportSection("s", "t", [], ["a"], ["n"], [new ReportRow(["x", "y"], [1])]));
        Assert.Throws<InvalidOperationException>(() => ReviewReportBuilder.Build([bad], new ReportPeriod(default, default), default));
    }

    private sealed class Contributor(ReportSection section) : IReviewReportContributor
    {
        public int Order => 1;
        public IEnumerable<ReportSection> Contribute(ReportPeriod period, DateOnly today) => [section];
    }
}
