using Contact.Server.Hosting;
using Contact.Server.Security;
using Contact.Server.Storage;
using Contact.Tests.Support;
using Contact.V1;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static Contact.Tests.Integration.SafeReferralTests;
using Role = Contact.V1.Role;

namespace Contact.Tests.Integration;

/// <summary>
/// Retention of the records that hold a child's data: referrals, the case index and the
/// information-sharing requests and disclosures, swept on the fake clock.
/// </summary>
public class ChildDataRetentionTests : IAsyncLifetime
{
    private TestHost _host = null!;

    // The sweeper is called directly; the job is removed so that its own sweep cannot race the test's.
    public async Task InitializeAsync() => _host = await TestHost.StartAsync(configure: services =>
    {
        foreach (var job in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(RetentionJob)).ToList())
            services.Remove(job);
    });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    private T Read<T>(Func<Collections, T> read) => _host.Get<ContactStore>().Read(s => read(s));

    private async Task<AuditEntry> RetentionEntry(string resource)
    {
        var auditor = await _host.ClientAsync(Role.Auditor);
        var entry = Assert.Single((await auditor.Audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { Resource = resource })).Entries,
            e => e.Method.StartsWith("retention/", StringComparison.Ordinal));
        Assert.Equal("system", entry.Principal);
        return entry;
    }

    [Fact]
    public async Task A_closed_referral_past_its_date_is_anonymised_with_its_change_log_an_open_one_is_untouched_and_the_report_still_counts_it()
    {
        var naccc = await _host.ClientAsync(Role.Naccc);
        var practitioner = await _host.ClientAsync(Role.Practitioner, fcaId: "fca-anna");
        var centre = await Referrals.AccreditedCentreAsync(naccc, "Riverside Child Contact Centre", commissioned: true);
        var centreClient = await _host.ClientAsync(Role.ContactCentre, centreId: centre.Name["centres/".Length..]);
        var closing = await practitioner.Referrals.SubmitReferralAsync(new SubmitReferralRequest { Referral = Referrals.Valid(centre.Name) });
        var open = await practitioner.Referrals.SubmitReferralAsync(new SubmitReferralRequest { Referral = Referrals.Valid(centre.Name) });
        var closedAt = _host.Clock.GetUtcNow();
        await centreClient.Referrals.DeclineReferralAsync(new DeclineReferralRequest { Name = closing.Name, Reason = DeclineReason.NoCapacity });

        ReferralDocument Stored(Referral r) => Read(s => s.Collection<ReferralDocument>(ReferralRepository.Collection).FindById(r.Name["referrals/".Length..]));
        List<ReferralEvent> Changes(Referral r) => Read(s => s.Collection<ReferralEvent>(ReferralRepository.EventCollection)
            .Find(e => e.ReferralId == r.Name.Substring("referrals/".Length)).ToList());
        Assert.Equal(closedAt.AddYears(6), Stored(closing).RetainUntil);
        Assert.Null(Stored(open).RetainUntil);
        Assert.Equal(2, Changes(closing).Count);

        _host.Clock.Advance(TimeSpan.FromDays(6 * 365 + 1)); // one day short: nothing is due
        Assert.Empty(await _host.Get<RetentionSweeper>().RunAsync());
        _host.Clock.Advance(TimeSpan.FromDays(2));
        var swept = await _host.Get<RetentionSweeper>().RunAsync();

        Assert.Equal([new RetentionSweeper.Swept("referrals", RetentionAction.Anonymise, 1)], swept);
        var anonymised = Stored(closing);
        Assert.Empty(anonymised.Children);
        Assert.Null(anonymised.SealedFurtherInformation);
        Assert.Null(anonymised.RetainUntil);
        Assert.Equal(("", "", ""), (anonymised.Referral.CaseNumber, anonymised.Referral.NatureOfDispute, anonymised.Referral.PreparationPlan));
        Assert.All(Changes(closing), e => Assert.Empty(e.Snapshot.Children));
        Assert.All(Changes(closing), e => Assert.Equal("", e.Snapshot.Referral.CaseNumber));
        // The figures stay.
        Assert.Equal((Contact.Server.Domain.Referrals.ReferralStatus.Declined, Contact.Server.Domain.Referrals.DeclineReason.NoCapacity),
            (anonymised.Referral.Status, anonymised.Referral.DeclineReason));
        Assert.Equal(2, anonymised.Referral.History.Count);

        var untouched = Stored(open);
        Assert.Single(untouched.Children);
        Assert.Equal("ZE26C00123", untouched.Referral.CaseNumber);
        Assert.All(Changes(open), e => Assert.Single(e.Snapshot.Children));

        var entry = await RetentionEntry(closing.Name);
        Assert.Equal("retention/referrals", entry.Method);
        Assert.Contains("anonymised 1 referrals", entry.Detail);
        var auditor = await _host.ClientAsync(Role.Auditor);
        Assert.DoesNotContain((await auditor.Audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { Resource = open.Name })).Entries,
            e => e.Method.StartsWith("retention/", StringComparison.Ordinal));
        Assert.True((await auditor.Audit.VerifyAuditChainAsync(new VerifyAuditChainRequest())).Intact);

        // The practitioner still reads it, without the children; the review of 2026 still counts it.
        var read = await (await _host.ClientAsync(Role.Practitioner, fcaId: "fca-anna")).Referrals.GetReferralAsync(new GetReferralRequest { Name = closing.Name });
        Assert.Empty(read.Children);
        var nct = await _host.ClientAsync(Role.NctOperator);
        var report = await nct.Reports.GetReviewReportAsync(new GetReviewReportRequest
        {
            Period = new DateRange { StartDate = D(2026, 1, 1), EndDate = D(2026, 12, 31) },
        });
        var outcomes = report.Sections.Single(s => s.Key == "referrals.by_kind_type_and_outcome").Rows;
        Assert.Equal(1, outcomes.Single(r => r.Labels.Contains("DECLINED")).Values[0]);
        Assert.Equal(1, outcomes.Single(r => r.Labels.Contains("SUBMITTED")).Values[0]);
        Assert.Empty(await _host.Get<RetentionSweeper>().RunAsync());
    }

    [Fact]
    public async Task A_closed_case_goes_25_years_after_closure_with_its_requests_and_disclosures_and_an_unmatched_request_after_2_years()
    {
        var caseSystem = await _host.ClientAsync(Role.CaseSystem);
        var naccc = await _host.ClientAsync(Role.Naccc);
        var callCentre = await _host.ClientAsync(Role.CallCentre);
        var closed = await caseSystem.Cases.CreateCaseAsync(new CreateCaseRequest { Case = NewCase("ZW10C00002", "Amy", "Smith", D(2008, 4, 5), CaseStatus.Closed) });
        var open = await caseSystem.Cases.CreateCaseAsync(new CreateCaseRequest { Case = NewCase("ZW26C00003", "Ben", "Smith", D(2016, 4, 5)) });
        async Task<SharingRequest> AskAbout(string given, Google.Type.Date dob)
        {
            var r = await naccc.InformationSharing.SubmitSharingRequestAsync(new SubmitSharingRequestRequest
            {
                SrsReference = $"SRS-{given}", FamilyName = "Smith", ParentWishingContact = "Pat Parent",
                Children = { new SharingChild { GivenNames = given, DateOfBirth = dob } }, PartiesConsentedToChecks = true,
            });
            return (await callCentre.InformationSharing.LookUpCaseAsync(new LookUpCaseRequest { Name = r.Name })).SharingRequest;
        }
        var aboutClosed = await AskAbout("Amy", D(2008, 4, 5));
        var unknown = await AskAbout("Cal", D(2019, 1, 1));
        Assert.Equal((YesNo.Yes, YesNo.No), (aboutClosed.OpenInPast, unknown.OpenInPast));

        int Requests() => Read(s => s.Collection<SharingRequestDocument>(SharingRepository.RequestsName).Count());
        int Disclosures() => Read(s => s.Collection<DisclosureDocument>("disclosures").Count());
        int Cases() => Read(s => CaseRepository.Cases(s).Count());
        Assert.Equal((2, 1, 2), (Requests(), Disclosures(), Cases()));

        // Two years on, the request about a family Cafcass does not know goes; the rest stays.
        _host.Clock.Advance(TimeSpan.FromDays(2 * 365 + 1));
        Assert.Equal([new RetentionSweeper.Swept("sharing-requests", RetentionAction.Purge, 1)], await _host.Get<RetentionSweeper>().RunAsync());
        Assert.Equal((1, 1, 2), (Requests(), Disclosures(), Cases()));
        Assert.Equal("retention/sharing-requests", (await RetentionEntry(unknown.Name)).Method);

        // Closed on 2015-06-01: kept to 2040-06-01, so that "open in the past" stays true until then.
        _host.Clock.Advance(new DateTimeOffset(2040, 5, 31, 12, 0, 0, TimeSpan.Zero) - _host.Clock.GetUtcNow());
        Assert.Empty(await _host.Get<RetentionSweeper>().RunAsync());
        _host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal([new RetentionSweeper.Swept("cases", RetentionAction.Purge, 1)], await _host.Get<RetentionSweeper>().RunAsync());
        Assert.Equal((0, 0, 1), (Requests(), Disclosures(), Cases()));
        Assert.NotNull(Read(s => CaseRepository.Cases(s).FindById(open.Name["cases/".Length..])));
        var entry = await RetentionEntry(closed.Name);
        Assert.Equal("retention/cases", entry.Method);
        Assert.Contains("purged 1 cases", entry.Detail);
    }

    [Fact]
    public void The_defaults_are_6_25_and_2_years_and_configurable_per_kind()
    {
        var schedule = _host.Get<RetentionSchedule>();
        Assert.Equal((6, 25, 2), (schedule.PeriodOf("referrals").Years, schedule.PeriodOf("cases").Years, schedule.PeriodOf("sharing-requests").Years));

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Contact:Retention:Periods:cases:Years"] = "30",
            ["Contact:Retention:Periods:referrals:Years"] = "3",
        }).Build();
        var configured = new ServiceCollection().AddRetention(configuration).AddChildDataRetention().BuildServiceProvider().GetRequiredService<RetentionSchedule>();
        Assert.Equal((3, 30, 2), (configured.PeriodOf("referrals").Years, configured.PeriodOf("cases").Years, configured.PeriodOf("sharing-requests").Years));
    }
}
