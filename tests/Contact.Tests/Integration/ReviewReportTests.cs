using Contact.Client;
using Contact.Tests.Support;
using Contact.V1;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Contact.Tests.Integration;

/// <summary>
/// The MOU review report over the demo register (MOU 3, 5), checked against figures computed here
/// from the centres and histories the register lists, not with the server's code.
/// </summary>
public class ReviewReportTests : IAsyncLifetime
{
    private TestHost _host = null!;
    private ContactClient _nct = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(demo: true);
        _nct = await _host.ClientAsync(Role.NctOperator);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>The proto's own spelling of an enum value without its prefix, e.g. "NOT_ACCREDITED".</summary>
    private static string Label<T>(T value, string prefix) where T : struct, Enum =>
        typeof(T).GetField(value.ToString())!.GetCustomAttributes(typeof(OriginalNameAttribute), false).Cast<OriginalNameAttribute>().Single().Name[prefix.Length..];

    private async Task<List<Centre>> AllCentresAsync()
    {
        var all = new List<Centre>();
        var token = "";
        do
        {
            var page = await _nct.Register.ListCentresAsync(new ListCentresRequest { PageSize = 100, PageToken = token });
            all.AddRange(page.Centres);
            token = page.NextPageToken;
        } while (token != "");
        return all;
    }

    private static Dictionary<string, double[]> Rows(ReviewReport report, string key) =>
        report.Sections.Single(s => s.Key == key).Rows.ToDictionary(r => string.Join("|", r.Labels), r => r.Values.ToArray());

    [Fact]
    public async Task The_review_report_over_the_demo_data_matches_figures_computed_by_hand()
    {
        // Some concerns and a grant round to report on, with known timings.
        var practitioner = await _host.ClientAsync(Role.Practitioner);
        var centres = await AllCentresAsync();
        var supported = centres.First(c => c.ContactTypes.Contains(ContactType.Supported)
            && c.Accreditations.Any(a => a.Level == AccreditationLevel.Standard && a.Status == AccreditationStatus.Accredited));
        Task<Concern> Raise(ConcernType type) => practitioner.Concerns.RaiseConcernAsync(new RaiseConcernRequest
        {
            Concern = type == ConcernType.UnaccreditedOrganisation
                ? new Concern { Type = type, Description = "d", Organisation = new UnregisteredOrganisation { Name = "X", Address = "Y", Offers = "Z" } }
                : new Concern { Type = type, Description = "d", Centre = supported.Name },
        }).ResponseAsync;
        Task<Concern> Act(Concern c, ConcernAction action, string note = "n") =>
            _nct.Concerns.RecordConcernActionAsync(new RecordConcernActionRequest { Concern = c.Name, Action = action, Note = note }).ResponseAsync;

        var compliance1 = await Act(await Raise(ConcernType.StandardsCompliance), ConcernAction.StartReview);
        var compliance2 = await Act(await Raise(ConcernType.StandardsCompliance), ConcernAction.StartReview);
        var quality = await Act(await Raise(ConcernType.Quality), ConcernAction.StartReview);
        await Raise(ConcernType.UnaccreditedOrganisation);
        _host.Clock.Advance(TimeSpan.FromDays(1));
        await Act(await Act(compliance1, ConcernAction.AlertNaccc), ConcernAction.RecordNacccResponse); // alerted after 1 day
        _host.Clock.Advance(TimeSpan.FromDays(3));
        await Act(compliance2, ConcernAction.AlertNaccc); // after 4 days
        await Act(quality, ConcernAction.CloseNoFurtherAction);

        var round = await _nct.Grants.CreateGrantRoundAsync(new CreateGrantRoundRequest { GrantRound = new GrantRound { FinancialYear = "2026-27", BudgetPence = 500_000 } });
        var app = await _nct.Grants.ApplyForGrantAsync(new ApplyForGrantRequest { Parent = round.Name, Application = new GrantApplication { Centre = supported.Name, RequestedPence = 120_000 } });
        await _nct.Grants.AwardGrantAsync(new AwardGrantRequest { Name = app.Name, AmountPence = 100_000 });
        // Any lapse now due is recorded before the figures are read (the lapse job may be running too).
        await _host.Get<Contact.Server.Storage.RegisterRepository>().RecordDueLapsesAsync();

        // Today is 6 June 2026; the default period is the twelve months to today.
        var today = new DateOnly(2026, 6, 6);
        var start = today.AddYears(-1).AddDays(1);
        var report = await _nct.Reports.GetReviewReportAsync(new GetReviewReportRequest());
        Assert.Equal(new Google.Type.Date { Year = start.Year, Month = start.Month, Day = start.Day }, report.Period.StartDate);
        Assert.Equal(new Google.Type.Date { Year = 2026, Month = 6, Day = 6 }, report.Period.EndDate);

        // Centres by type and status, by hand: each offered type with the status of its level now.
        centres = await AllCentresAsync();
        Assert.True(centres.Count > 100);
        var expectedByType = new Dictionary<string, double>();
        foreach (var c in centres)
        foreach (var type in c.ContactTypes)
        {
            var level = type == ContactType.Supervised ? AccreditationLevel.Enhanced : AccreditationLevel.Standard;
            var status = c.Accreditations.FirstOrDefault(a => a.Level == level)?.Status ?? AccreditationStatus.NotAccredited;
            var key = Label(type, "CONTACT_TYPE_") + "|" + Label(status, "ACCREDITATION_STATUS_");
            expectedByType[key] = expectedByType.GetValueOrDefault(key) + 1;
        }
        var byType = Rows(report, "register.centres_by_type_and_status");
        Assert.Equal(expectedByType.OrderBy(k => k.Key), byType.Select(r => KeyValuePair.Create(r.Key, r.Value[0])).OrderBy(k => k.Key));
        Assert.Contains(byType.Keys, k => k.EndsWith("|LAPSED", StringComparison.Ordinal));

        // Accreditation decisions and lapses effective in the period, from the centres' histories.
        var history = centres.SelectMany(c => c.Accreditations.SelectMany(a => a.History))
            .Where(h => new DateOnly(h.EffectiveDate.Year, h.EffectiveDate.Month, h.EffectiveDate.Day) is var d && d >= start && d <= today).ToList();
        var expectedChanges = history.GroupBy(h => Label(h.Level, "ACCREDITATION_LEVEL_") + "|" + Label(h.Action, "ACCREDITATION_ACTION_"))
            .ToDictionary(g => g.Key, g => (double)g.Count());
        var changes = Rows(report, "register.accreditation_changes");
        Assert.Equal(expectedChanges.OrderBy(k => k.Key), changes.Select(r => KeyValuePair.Create(r.Key, r.Value[0])).OrderBy(k => k.Key));
        Assert.True(expectedChanges.Values.Sum() > 50);
        var lapses = Rows(report, "register.lapses");
        foreach (var level in new[] { AccreditationLevel.Standard, AccreditationLevel.Enhanced })
        {
            var mine = history.Where(h => h.Level == level && h.Action == AccreditationAction.Lapse).ToList();
            if (mine.Count == 0) continue;
            Assert.Equal([mine.Count, mine.Select(h => h.Centre).Distinct().Count()], lapses[Label(level, "ACCREDITATION_LEVEL_")]);
        }

        // Concerns: by type and outcome, and days to alert NACCC (1 and 4 days: mean 2.5).
        var concerns = Rows(report, "concerns.by_type_and_outcome");
        Assert.Equal(new Dictionary<string, double[]>
        {
            ["UNACCREDITED_ORGANISATION|RAISED"] = [1],
            ["STANDARDS_COMPLIANCE|NACCC_ALERTED"] = [1],
            ["STANDARDS_COMPLIANCE|NACCC_RESPONDED"] = [1],
            ["QUALITY|NO_FURTHER_ACTION"] = [1],
        }.OrderBy(k => k.Key), concerns.OrderBy(k => k.Key));
        var alert = Rows(report, "concerns.time_to_alert_naccc");
        Assert.Equal([2, 2, 2.5, 2.5, 4], alert["STANDARDS_COMPLIANCE"]);
        Assert.Equal([1, 0, 0, 0, 0], alert["QUALITY"]);

        // Grants: budget, 1 application, 1 award of £1,000.
        Assert.Equal([500_000, 1, 1, 100_000, 0, 0, 0], Rows(report, "grants.awarded")["2026-27"]);

        // The CSV export carries the same figures, one per line.
        var export = await _nct.Reports.ExportReviewReportAsync(new ExportReviewReportRequest());
        Assert.Equal($"mou-review-{start:yyyy-MM-dd}-to-2026-06-06.csv", export.Filename);
        var lines = export.Csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("section,period_start,period_end,label_1,label_2,label_3,measure,value", lines[0]);
        Assert.Equal(report.Sections.Sum(s => s.Rows.Count * s.Measures.Count), lines.Length - 1);
        Assert.Contains($"grants.awarded,{start:yyyy-MM-dd},2026-06-06,financial_year=2026-27,,,awarded_pence,100000", lines);
        Assert.Contains($"concerns.time_to_alert_naccc,{start:yyyy-MM-dd},2026-06-06,type=STANDARDS_COMPLIANCE,,,mean_days,2.5", lines);
    }

    [Fact]
    public async Task Referral_figures_count_by_kind_type_and_outcome_and_time_to_the_first_answer()
    {
        var naccc = await _host.ClientAsync(Role.Naccc);
        var centre = await Referrals.AccreditedCentreAsync(naccc, "Report Test Centre", commissioned: true);
        var practitioner = await _host.ClientAsync(Role.Practitioner, fcaId: "fca-report");
        var centreClient = await _host.ClientAsync(Role.ContactCentre, centreId: centre.Name["centres/".Length..]);
        var first = await practitioner.Referrals.SubmitReferralAsync(new SubmitReferralRequest { Referral = Referrals.Valid(centre.Name) });
        var second = await practitioner.Referrals.SubmitReferralAsync(new SubmitReferralRequest { Referral = Referrals.Valid(centre.Name) });
        await practitioner.Referrals.SubmitReferralAsync(new SubmitReferralRequest { Referral = Referrals.Valid(centre.Name) });

        _host.Clock.Advance(TimeSpan.FromDays(2));
        await centreClient.Referrals.AcceptReferralAsync(new AcceptReferralRequest { Name = first.Name });
        _host.Clock.Advance(TimeSpan.FromDays(2));
        await centreClient.Referrals.DeclineReferralAsync(new DeclineReferralRequest { Name = second.Name, Reason = DeclineReason.NoCapacity });

        var report = await _nct.Reports.GetReviewReportAsync(new GetReviewReportRequest());

        // By hand: three supported referrals of the same kind; one accepted, one declined, one still submitted.
        var kind = Label(first.Kind, "REFERRAL_KIND_");
        var outcomes = Rows(report, "referrals.by_kind_type_and_outcome");
        Assert.Equal(3, outcomes.Count);
        Assert.Equal(1, outcomes[$"{kind}|SUPPORTED|ACCEPTED"][0]);
        Assert.Equal(1, outcomes[$"{kind}|SUPPORTED|DECLINED"][0]);
        Assert.Equal(1, outcomes[$"{kind}|SUPPORTED|SUBMITTED"][0]);
        // Answered after 2 and 4 days: mean 3, median 3, max 4.
        Assert.Equal([3, 2, 3, 3, 4], Rows(report, "referrals.time_to_answer")["SUPPORTED"]);
    }

    [Fact]
    public async Task The_MOU_dates_come_from_its_signature_block_and_term_MOU_5()
    {
        var terms = await _nct.Reports.GetMouTermsAsync(new GetMouTermsRequest());
        Assert.Equal(new Google.Type.Date { Year = 2018, Month = 4, Day = 16 }, terms.SignedDate);
        Assert.Equal(36, terms.TermMonths);
        Assert.Equal(new Google.Type.Date { Year = 2021, Month = 4, Day = 15 }, terms.EndDate);
        Assert.Equal([new Google.Type.Date { Year = 2019, Month = 4, Day = 16 }, new Google.Type.Date { Year = 2020, Month = 4, Day = 16 }], terms.ReviewDueDates);
        Assert.False(terms.InForce); // today is 2026: past its term unless varied in writing (configurable)
        Assert.Null(terms.NextReviewDueDate);
    }

    [Fact]
    public async Task Auditors_read_the_report_partners_do_not_and_a_bad_period_is_refused()
    {
        var auditor = await _host.ClientAsync(Role.Auditor);
        var period = new DateRange { StartDate = new Google.Type.Date { Year = 2025, Month = 4, Day = 1 }, EndDate = new Google.Type.Date { Year = 2026, Month = 3, Day = 31 } };
        var report = await auditor.Reports.GetReviewReportAsync(new GetReviewReportRequest { Period = period });
        Assert.Equal(period, report.Period);
        foreach (var role in new[] { Role.Naccc, Role.Practitioner, Role.ContactCentre, Role.CallCentre })
            await Refusal.Expect(StatusCode.PermissionDenied, async () => await (await _host.ClientAsync(role)).Reports.GetReviewReportAsync(new GetReviewReportRequest()));

        var backwards = await Refusal.Expect(StatusCode.InvalidArgument, async () => await _nct.Reports.ExportReviewReportAsync(new ExportReviewReportRequest
        {
            Period = new DateRange { StartDate = new Google.Type.Date { Year = 2026, Month = 4, Day = 1 }, EndDate = new Google.Type.Date { Year = 2025, Month = 4, Day = 1 } },
        }));
        Assert.Contains(backwards.Fields, f => f.Field == "period.end_date");
    }
}
