using Contact.Client;
using Contact.Tests.Support;
using Contact.V1;
using Google.Protobuf;
using Grpc.Core;

namespace Contact.Tests.Integration;

/// <summary>
/// The Annex 1 / Appendix 1 form end to end through the C# SDK, as NACCC, the call centre and the
/// FCA, with the disclosure limits checked for every path and every role (policy 1.8; MOU 2.3).
/// </summary>
public class SafeReferralTests : IAsyncLifetime
{
    private const string FcaId = "fca-alex", OtherFcaId = "fca-bo";
    // Things the case index holds that must never reach a request or a disclosure.
    private const string PartySentinel = "Quentin Partyname", AddressSentinel = "1 Secret Street", ReasonSentinel = "REASON-SENTINEL flag raised in error";
    private const string Permitted = "The court has ordered supported contact on alternate Saturdays.";
    private const string NotChosen = "The court permits sharing that the children attend Oakfield School.";

    private TestHost _host = null!;
    private ContactClient _caseSystem = null!, _naccc = null!, _otherNaccc = null!, _callCentre = null!, _fca = null!, _otherFca = null!, _nct = null!;
    private int _serial;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        _caseSystem = await _host.ClientAsync(Role.CaseSystem);
        _naccc = await _host.ClientAsync(Role.Naccc);
        _otherNaccc = await _host.ClientAsync(Role.Naccc);
        _callCentre = await _host.ClientAsync(Role.CallCentre);
        _fca = await _host.ClientAsync(Role.Practitioner, fcaId: FcaId);
        _otherFca = await _host.ClientAsync(Role.Practitioner, fcaId: OtherFcaId);
        _nct = await _host.ClientAsync(Role.NctOperator);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    internal static Google.Type.Date D(int y, int m, int d) => new() { Year = y, Month = m, Day = d };

    internal static Case NewCase(string number, string given, string family, Google.Type.Date dob, CaseStatus status = CaseStatus.Open,
        bool current = false, bool historic = false, bool permission = false, string fcaId = FcaId)
    {
        var c = new Case
        {
            CaseNumber = number,
            Children = { new CaseChild { GivenNames = given, FamilyName = family, DateOfBirth = dob, AddressLines = { AddressSentinel }, Postcode = "LS1 4AP" } },
            Parties = { new CaseParty { FullName = PartySentinel, Role = "respondent" } },
            Status = status,
            OpenedDate = status == CaseStatus.Open ? D(2024, 1, 10) : D(2010, 3, 1),
            ClosedDate = status == CaseStatus.Closed ? D(2015, 6, 1) : null,
            AllocatedFca = new AllocatedFca { FcaId = fcaId, DisplayName = "Alex Adviser", Email = "alex.adviser@cafcass.example", Phone = "0300 456 4000" },
            RiskFlags = new RiskFlags { CurrentRisk = current, HistoricRisk = historic },
        };
        if (permission)
            c.CourtPermissions.Add(new CourtPermission { Reference = "ZW24C00042 order 3 March 2026", Date = D(2026, 3, 3), ShareableInformation = { Permitted, NotChosen } });
        return c;
    }

    private Task<Case> CreateCase(Case c) => _caseSystem.Cases.CreateCaseAsync(new CreateCaseRequest { Case = c }).ResponseAsync;

    private Task<SharingRequest> Submit(string given, string family, Google.Type.Date dob, bool consent = true, ContactClient? as_ = null) =>
        (as_ ?? _naccc).InformationSharing.SubmitSharingRequestAsync(new SubmitSharingRequestRequest
        {
            SrsReference = $"SRS-{++_serial}",
            FamilyName = family,
            ParentWishingContact = "Pat Parent",
            Children = { new SharingChild { GivenNames = given, DateOfBirth = dob } },
            PartiesConsentedToChecks = consent,
        }).ResponseAsync;

    private async Task<SharingRequest> LookUp(SharingRequest r) =>
        (await _callCentre.InformationSharing.LookUpCaseAsync(new LookUpCaseRequest { Name = r.Name })).SharingRequest;

    private Task<SharingRequest> Answer(SharingRequest r, YesNo current, YesNo historic = YesNo.Unspecified, YesNo permission = YesNo.No,
        string reference = "", string[]? further = null, bool confirm = false, string reason = "", ContactClient? as_ = null) =>
        (as_ ?? _fca).InformationSharing.AnswerSharingRequestAsync(new AnswerSharingRequestRequest
        {
            Name = r.Name, CurrentRisk = current, HistoricRisk = historic, CourtPermission = permission,
            CourtPermissionReference = reference, FurtherInformation = { further ?? [] },
            ConfirmNoRiskDespiteFlag = confirm, ConfirmationReason = reason,
        }).ResponseAsync;

    [Fact]
    public async Task The_review_report_counts_requests_by_path_and_times_each_step_in_call_centre_hours_MOU_2_3_2()
    {
        await CreateCase(NewCase("ZW26C00901", "Mia", "Report", D(2019, 4, 2)));
        // Tuesday 2 June 2026, 10:00 UK time (BST): the call centre is open.
        var open = await Submit("Mia", "Report", D(2019, 4, 2));
        var unknown = await Submit("Nobody", "Unknown", D(2018, 1, 1));

        _host.Clock.Advance(TimeSpan.FromMinutes(30));
        await LookUp(unknown);                       // 0.5 working hours
        _host.Clock.Advance(TimeSpan.FromMinutes(90));
        await LookUp(open);                          // 2 working hours
        _host.Clock.Advance(TimeSpan.FromDays(1));
        await Answer(open, YesNo.No, YesNo.No);      // Tue 12:00–17:00 + Wed 09:00–12:00 = 8 working hours

        var report = await _nct.Reports.GetReviewReportAsync(new GetReviewReportRequest());
        double[] Row(string key, string label) => report.Sections.Single(x => x.Key == key).Rows.Single(r => r.Labels.Single() == label).Values.ToArray();

        Assert.Equal([1], Row("information_sharing.by_path", "NOT_KNOWN"));
        Assert.Equal([1], Row("information_sharing.by_path", "OPEN_NO_RISK"));
        // Call centre: 0.5 h and 2 h → mean 1.25, median 1.25, max 2. FCA: 8 h.
        Assert.Equal([2, 2, 1.25, 1.25, 2], Row("information_sharing.time_to_answer", "CALL_CENTRE"));
        Assert.Equal([1, 1, 8, 8, 8], Row("information_sharing.time_to_answer", "FCA"));
    }

    private Task<SharingRequest> Get(ContactClient client, string name) =>
        client.InformationSharing.GetSharingRequestAsync(new GetSharingRequestRequest { Name = name }).ResponseAsync;

    private Task<DisclosureStatement> Statement(string caseName, ContactClient? as_ = null) =>
        (as_ ?? _fca).InformationSharing.GetDisclosureStatementAsync(new GetDisclosureStatementRequest { Case = caseName }).ResponseAsync;

    /// <summary>
    /// Every role that may see the request sees nothing beyond what the rules allow; the roles that
    /// may not are told it does not exist. NACCC sees no Cafcass notes, case, or confirmation reason.
    /// </summary>
    private async Task AssertEveryViewWithinTheRules(string name, Case? matched, bool routedToFca)
    {
        var nacccView = await Get(_naccc, name);
        var listed = (await _naccc.InformationSharing.ListSharingRequestsAsync(new ListSharingRequestsRequest())).SharingRequests.Single(r => r.Name == name);
        foreach (var seen in new[] { nacccView, listed })
        {
            Assert.Null(seen.Cafcass);
            Assert.NotEqual(SharingRequestState.HeldForReview, seen.State);
            var json = JsonFormatter.Default.Format(seen);
            Assert.DoesNotContain(ReasonSentinel, json);
            if (matched is not null) Assert.DoesNotContain(matched.CaseNumber, json);
            AssertWithinTheRules(seen, matched);
        }

        var views = new List<SharingRequest> { await Get(_callCentre, name), await Get(_nct, name) };
        if (routedToFca) views.Add(await Get(_fca, name));
        else await Refusal.Expect(StatusCode.NotFound, () => _fca.InformationSharing.GetSharingRequestAsync(new GetSharingRequestRequest { Name = name }));
        foreach (var seen in views)
        {
            Assert.NotNull(seen.Cafcass);
            AssertWithinTheRules(seen, matched);
        }

        await Refusal.Expect(StatusCode.NotFound, () => _otherNaccc.InformationSharing.GetSharingRequestAsync(new GetSharingRequestRequest { Name = name }));
        await Refusal.Expect(StatusCode.NotFound, () => _otherFca.InformationSharing.GetSharingRequestAsync(new GetSharingRequestRequest { Name = name }));
        await Refusal.Expect(StatusCode.PermissionDenied, () => _caseSystem.InformationSharing.GetSharingRequestAsync(new GetSharingRequestRequest { Name = name }));
    }

    private static void AssertWithinTheRules(SharingRequest seen, Case? matched)
    {
        var json = JsonFormatter.Default.Format(seen);
        // Nothing from the case index beyond flags and the FCA's contact details ever reaches a request.
        Assert.DoesNotContain(PartySentinel, json);
        Assert.DoesNotContain(AddressSentinel, json);
        Assert.DoesNotContain(NotChosen, json);
        switch (seen.State)
        {
            case SharingRequestState.NotOpen:
                Assert.Equal("Not open to Cafcass; no further information can be shared.", seen.OutcomeMessage);
                Assert.Null(seen.FcaContact);
                Assert.Null(seen.Answer);
                Assert.NotEqual(YesNo.Unspecified, seen.OpenInPast);
                break;
            case SharingRequestState.WithFca:
                Assert.NotNull(seen.FcaContact);
                Assert.Null(seen.Answer);
                break;
            case SharingRequestState.Answered when seen.Answer.OpenNow == YesNo.No:
                // Closed after routing: nothing beyond Q1, and the message the disclosure statement records (MOU 2.3.3).
                Assert.NotNull(seen.FcaContact);
                Assert.Equal("Not open to Cafcass; no further information can be shared.", seen.OutcomeMessage);
                Assert.Equal((YesNo.Unspecified, YesNo.Unspecified, YesNo.Unspecified), (seen.Answer.CurrentRisk, seen.Answer.HistoricRisk, seen.Answer.CourtPermission));
                Assert.Empty(seen.Answer.FurtherInformation);
                break;
            case SharingRequestState.Answered:
                Assert.NotNull(seen.FcaContact);
                Assert.Equal(YesNo.Yes, seen.Answer.OpenNow);
                Assert.Equal("", seen.OutcomeMessage);
                Assert.NotEqual(YesNo.Unspecified, seen.Answer.CurrentRisk);
                Assert.True(seen.Answer.CurrentRisk == YesNo.No ? seen.Answer.HistoricRisk != YesNo.Unspecified : seen.Answer.HistoricRisk == YesNo.Unspecified);
                if (seen.Answer.CourtPermission != YesNo.Yes) Assert.Empty(seen.Answer.FurtherInformation);
                var allowed = matched?.CourtPermissions.SelectMany(p => p.ShareableInformation).ToHashSet() ?? [];
                Assert.All(seen.Answer.FurtherInformation, s => Assert.Contains(s, allowed));
                break;
            case SharingRequestState.AwaitingCallCentre or SharingRequestState.HeldForReview:
                Assert.Null(seen.FcaContact);
                Assert.Null(seen.Answer);
                Assert.Equal("", seen.OutcomeMessage);
                break;
            default:
                Assert.Fail($"unexpected state {seen.State}");
                break;
        }
    }

    private async Task<int> StoredRequests() =>
        (await _nct.InformationSharing.ListSharingRequestsAsync(new ListSharingRequestsRequest())).SharingRequests.Count;

    [Fact]
    public async Task Paging_the_sharing_list_visits_each_request_once_and_refuses_a_token_naming_no_request()
    {
        for (var i = 0; i < 3; i++) await Submit("Pager", $"Family{i}", D(2018, 1, 1));
        var seen = new List<string>();
        var request = new ListSharingRequestsRequest { PageSize = 2 };
        ListSharingRequestsResponse page;
        do
        {
            page = await _nct.InformationSharing.ListSharingRequestsAsync(request);
            seen.AddRange(page.SharingRequests.Select(r => r.Name));
            request.PageToken = page.NextPageToken;
        }
        while (page.NextPageToken != "");
        Assert.Equal(3, seen.Distinct().Count());
        Assert.Equal(3, seen.Count);

        // A well-formed token for a request that is not listed used to restart silently at the first page.
        var unknown = Contact.Server.Services.PageToken.Encode("no-such-request");
        var error = await Refusal.Expect(StatusCode.InvalidArgument,
            () => _nct.InformationSharing.ListSharingRequestsAsync(new ListSharingRequestsRequest { PageToken = unknown }));
        Assert.Contains(error.Fields, f => f.Field == "page_token" && f.Description == "unknown");
    }

    [Fact]
    public async Task Path_not_known_tells_NACCC_not_open_and_never_open_in_the_past()
    {
        await CreateCase(NewCase("ZW26C00001", "Zoe", "Jones", D(2019, 2, 2)));
        var r = await Submit("Amy", "Unknown-Family", D(2018, 4, 5));
        Assert.Equal(SharingRequestState.AwaitingCallCentre, r.State);

        var looked = await LookUp(r);
        Assert.Equal(SharingRequestState.NotOpen, looked.State);
        Assert.Equal(YesNo.No, looked.OpenInPast);
        Assert.Equal("", looked.Cafcass.Case);
        await AssertEveryViewWithinTheRules(r.Name, null, routedToFca: false);
    }

    [Fact]
    public async Task Path_known_in_the_past_but_closed_tells_NACCC_so_and_records_the_disclosure()
    {
        var closed = await CreateCase(NewCase("ZW10C00002", "Amy", "Smith", D(2008, 4, 5), CaseStatus.Closed, current: true));
        var r = await Submit("amy", "SMITH", D(2008, 4, 5));
        var looked = await LookUp(r);
        Assert.Equal(SharingRequestState.NotOpen, looked.State);
        Assert.Equal(YesNo.Yes, looked.OpenInPast);
        Assert.Equal(closed.Name, looked.Cafcass.Case);
        await AssertEveryViewWithinTheRules(r.Name, closed, routedToFca: false);

        var statement = await Statement(closed.Name);
        var disclosure = Assert.Single(statement.Disclosures);
        Assert.Equal(r.Name, disclosure.SharingRequest);
        Assert.Contains("Currently open to Cafcass: no", disclosure.Items);
        Assert.Contains(disclosure.Items, i => i.Contains("no further information can be shared"));
        Assert.DoesNotContain(disclosure.Items, i => i.Contains("risk", StringComparison.OrdinalIgnoreCase));

        // The closed case's FCA hears that it was queried (replayed from the store, so no race).
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var worklist = _fca.InformationSharing.WatchFcaWorklist(new WatchFcaWorklistRequest(), cancellationToken: cts.Token);
        Assert.True(await worklist.ResponseStream.MoveNext(cts.Token));
        var note = worklist.ResponseStream.Current.Notification;
        Assert.Equal((FcaNotificationKind.CaseQueried, closed.Name, "ZW10C00002", r.Name), (note.Kind, note.Case, note.CaseNumber, note.SharingRequest));
    }

    [Fact]
    public async Task Closed_after_routing_NACCC_is_told_what_the_disclosure_statement_records_MOU_2_3_3_and_2_3_5()
    {
        var open = await CreateCase(NewCase("ZW26C00031", "Dan", "Closer", D(2019, 2, 3)));
        var r = await LookUp(await Submit("Dan", "Closer", D(2019, 2, 3)));
        Assert.Equal(SharingRequestState.WithFca, r.State);
        await _caseSystem.Cases.CloseCaseAsync(new CloseCaseRequest { Name = open.Name });

        // The form stops at Q1: risk or permission answers are refused, a bare answer is "not open now".
        var refused = await Refusal.Expect(StatusCode.FailedPrecondition, () => Answer(r, YesNo.No, YesNo.No));
        Assert.Equal("MOU 2.3.3", refused.Clause);
        var answered = await Answer(r, YesNo.Unspecified, permission: YesNo.Unspecified);
        Assert.Equal(SharingRequestState.Answered, answered.State);

        var seen = await Get(_naccc, r.Name);
        Assert.Equal(YesNo.No, seen.Answer.OpenNow);
        Assert.Equal((YesNo.Unspecified, YesNo.Unspecified, YesNo.Unspecified), (seen.Answer.CurrentRisk, seen.Answer.HistoricRisk, seen.Answer.CourtPermission));
        Assert.Contains("no further information can be shared", seen.OutcomeMessage);
        await AssertEveryViewWithinTheRules(r.Name, open, routedToFca: true);

        // What NACCC saw is what the statement says it was told: the FCA's details, then "not open" with the same message.
        var statement = await Statement(open.Name);
        Assert.Equal(2, statement.Disclosures.Count);
        Assert.Equal(["Currently open to Cafcass: no", seen.OutcomeMessage], statement.Disclosures[1].Items);
    }

    [Fact]
    public async Task Path_open_with_no_risk()
    {
        var open = await CreateCase(NewCase("ZW26C00003", "Ben", "O'Brien", D(2020, 7, 1)));
        var r = await Submit("Ben", "OBrien", D(2020, 7, 1));
        var routed = await LookUp(r);
        Assert.Equal(SharingRequestState.WithFca, routed.State);
        var forNaccc = await Get(_naccc, r.Name);
        Assert.Equal(new FcaContact { DisplayName = "Alex Adviser", Email = "alex.adviser@cafcass.example", Phone = "0300 456 4000" }, forNaccc.FcaContact);
        await AssertEveryViewWithinTheRules(r.Name, open, routedToFca: true);

        var worklist = await _fca.InformationSharing.ListSharingRequestsAsync(new ListSharingRequestsRequest());
        Assert.Equal(r.Name, Assert.Single(worklist.SharingRequests).Name);

        var answered = await Answer(r, YesNo.No, YesNo.No);
        Assert.Equal(SharingRequestState.Answered, answered.State);
        var seen = await Get(_naccc, r.Name);
        Assert.Equal((YesNo.Yes, YesNo.No, YesNo.No, YesNo.No), (seen.Answer.OpenNow, seen.Answer.CurrentRisk, seen.Answer.HistoricRisk, seen.Answer.CourtPermission));
        Assert.Equal("Alex Adviser", seen.Answer.CompletedBy.DisplayName);
        await AssertEveryViewWithinTheRules(r.Name, open, routedToFca: true);

        var statement = await Statement(open.Name);
        Assert.Equal(2, statement.Disclosures.Count);
        Assert.Contains(statement.Disclosures[0].Items, i => i.StartsWith("Allocated FCA's contact details: Alex Adviser"));
        Assert.Contains("Current risk likely to have an impact on supported contact: no", statement.Disclosures[1].Items);
        Assert.All(statement.Disclosures, d => Assert.Contains("SRS reference", d.SharedWith));
    }

    [Fact]
    public async Task Path_open_with_current_risk()
    {
        var open = await CreateCase(NewCase("ZW26C00004", "Cara", "Ng", D(2017, 1, 9), current: true));
        var r = await LookUp(await Submit("Cara", "Ng", D(2017, 1, 9)));

        // Historic risk is not asked when there is a current risk (Annex 1).
        var notAsked = await Refusal.Expect(StatusCode.FailedPrecondition, () => Answer(r, YesNo.Yes, YesNo.No));
        Assert.Equal("Policy Annex 1", notAsked.Clause);
        // "No risk" against the index's flag without a confirmation is refused (MOU 2.3.4); nothing stored.
        var unconfirmed = await Refusal.Expect(StatusCode.FailedPrecondition, () => Answer(r, YesNo.No, YesNo.No));
        Assert.Equal("MOU 2.3.4", unconfirmed.Clause);
        Assert.Equal(SharingRequestState.WithFca, (await Get(_naccc, r.Name)).State);
        Assert.Single((await Statement(open.Name)).Disclosures);

        var answered = await Answer(r, YesNo.Yes);
        Assert.Equal(YesNo.Yes, answered.Answer.CurrentRisk);
        Assert.Equal(YesNo.Unspecified, answered.Answer.HistoricRisk);
        await AssertEveryViewWithinTheRules(r.Name, open, routedToFca: true);
    }

    [Fact]
    public async Task Path_open_with_historic_risk_only()
    {
        var open = await CreateCase(NewCase("ZW26C00005", "Dev", "Patel", D(2016, 11, 30), historic: true));
        var r = await LookUp(await Submit("Dev", "Patel", D(2016, 11, 30)));
        var answered = await Answer(r, YesNo.No, YesNo.Yes);
        var seen = await Get(_naccc, r.Name);
        Assert.Equal((YesNo.No, YesNo.Yes), (seen.Answer.CurrentRisk, seen.Answer.HistoricRisk));
        Assert.Equal("", answered.Cafcass.NoRiskConfirmationReason);
        await AssertEveryViewWithinTheRules(r.Name, open, routedToFca: true);
        Assert.Contains("Historic risks or concerns that might impact upon contact: yes", (await Statement(open.Name)).Disclosures[1].Items);
    }

    [Fact]
    public async Task Path_open_with_court_permission_and_further_information()
    {
        var open = await CreateCase(NewCase("ZW26C00006", "Eve", "Kowalski", D(2015, 5, 5), permission: true));
        var r = await LookUp(await Submit("Eve", "Kowalski", D(2015, 5, 5)));

        var beyond = await Refusal.Expect(StatusCode.FailedPrecondition, () => Answer(r, YesNo.No, YesNo.No, YesNo.Yes,
            "ZW24C00042 order 3 March 2026", [Permitted, "The mother alleges the father was violent."]));
        Assert.Equal("Policy 1.8", beyond.Clause);
        var unnamed = await Refusal.Expect(StatusCode.FailedPrecondition, () => Answer(r, YesNo.No, YesNo.No, YesNo.Yes, "", [Permitted]));
        Assert.Equal("Policy 1.8", unnamed.Clause);
        Assert.Equal(SharingRequestState.WithFca, (await Get(_naccc, r.Name)).State);

        await Answer(r, YesNo.No, YesNo.No, YesNo.Yes, "ZW24C00042 order 3 March 2026", [Permitted]);
        var seen = await Get(_naccc, r.Name);
        Assert.Equal(YesNo.Yes, seen.Answer.CourtPermission);
        Assert.Equal([Permitted], seen.Answer.FurtherInformation);
        Assert.DoesNotContain("ZW24C00042", JsonFormatter.Default.Format(seen));
        await AssertEveryViewWithinTheRules(r.Name, open, routedToFca: true);

        var items = (await Statement(open.Name)).Disclosures[1].Items;
        Assert.Contains($"Further information shared with the court's permission: {Permitted}", items);
        Assert.DoesNotContain(items, i => i.Contains(NotChosen));
    }

    [Fact]
    public async Task Further_information_without_a_court_permission_is_refused_and_nothing_is_stored()
    {
        var open = await CreateCase(NewCase("ZW26C00007", "Finn", "Walsh", D(2019, 9, 9)));
        var r = await LookUp(await Submit("Finn", "Walsh", D(2019, 9, 9)));
        var said = await Refusal.Expect(StatusCode.FailedPrecondition, () => Answer(r, YesNo.No, YesNo.No, YesNo.No, further: ["The father has a conviction."]));
        Assert.Equal("Policy 1.8", said.Clause);
        Assert.Equal("further_information", Assert.Single(said.Fields).Field);
        var claimed = await Refusal.Expect(StatusCode.FailedPrecondition, () => Answer(r, YesNo.No, YesNo.No, YesNo.Yes, "ANY", ["x"]));
        Assert.Equal("Policy 1.8", claimed.Clause);
        Assert.Null((await Get(_naccc, r.Name)).Answer);
        Assert.Single((await Statement(open.Name)).Disclosures);
    }

    [Fact]
    public async Task No_risk_against_a_flag_needs_a_confirmation_whose_reason_stays_inside_Cafcass()
    {
        var open = await CreateCase(NewCase("ZW26C00008", "Gia", "Rossi", D(2018, 2, 14), current: true));
        var r = await LookUp(await Submit("Gia", "Rossi", D(2018, 2, 14)));
        var missingReason = await Refusal.Expect(StatusCode.FailedPrecondition, () => Answer(r, YesNo.No, YesNo.No, confirm: true));
        Assert.Equal("MOU 2.3.4", missingReason.Clause);

        var answered = await Answer(r, YesNo.No, YesNo.No, confirm: true, reason: ReasonSentinel);
        Assert.Equal(ReasonSentinel, answered.Cafcass.NoRiskConfirmationReason);
        Assert.Equal(ReasonSentinel, (await Get(_fca, r.Name)).Cafcass.NoRiskConfirmationReason);
        await AssertEveryViewWithinTheRules(r.Name, open, routedToFca: true);
        Assert.DoesNotContain(ReasonSentinel, JsonFormatter.Default.Format(await Statement(open.Name)));
    }

    [Fact]
    public async Task A_request_without_consent_to_checks_is_refused_with_the_clause_and_nothing_is_stored()
    {
        var before = await StoredRequests();
        var error = await Refusal.Expect(StatusCode.FailedPrecondition, () => Submit("Amy", "Smith", D(2018, 4, 5), consent: false));
        Assert.Equal("Policy 1.8, Annex 1", error.Clause);
        Assert.Equal("parties_consented_to_checks", Assert.Single(error.Fields).Field);
        Assert.Equal(before, await StoredRequests());

        var invalid = await Refusal.Expect(StatusCode.InvalidArgument, () => _naccc.InformationSharing.SubmitSharingRequestAsync(
            new SubmitSharingRequestRequest { PartiesConsentedToChecks = true, FamilyName = "Smith" }).ResponseAsync);
        Assert.Contains(invalid.Fields, f => f.Field == "children");
        Assert.Equal(before, await StoredRequests());
    }

    [Fact]
    public async Task A_doubtful_match_is_held_for_a_person_and_the_choice_is_recorded()
    {
        var here = await CreateCase(NewCase("ZW26C00009", "Hal", "Smith", D(2017, 3, 3)));
        var other = NewCase("ZW26C00010", "Hal", "Smith", D(2017, 3, 3), fcaId: OtherFcaId);
        other.Children[0].Postcode = "NG1 5HJ";
        var there = await CreateCase(other);

        var r = await Submit("Hal", "Smith", D(2017, 3, 3));
        var looked = await _callCentre.InformationSharing.LookUpCaseAsync(new LookUpCaseRequest { Name = r.Name });
        Assert.Equal(SharingRequestState.HeldForReview, looked.SharingRequest.State);
        Assert.Equal(new[] { here.Name, there.Name }.Order(), looked.Candidates.Select(c => c.Case).Order());
        // Nothing went to NACCC automatically, and nothing is disclosed yet.
        var held = await Get(_naccc, r.Name);
        Assert.Equal(SharingRequestState.AwaitingCallCentre, held.State);
        Assert.Equal(looked.Candidates.Select(c => c.Case), (await Get(_callCentre, r.Name)).Cafcass.CandidateCases);
        Assert.Null(held.FcaContact);
        Assert.Equal("", held.OutcomeMessage);
        Assert.Empty((await Statement(here.Name)).Disclosures);
        await AssertEveryViewWithinTheRules(r.Name, here, routedToFca: false);

        await Refusal.Expect(StatusCode.InvalidArgument, () => _callCentre.InformationSharing.ResolveCaseMatchAsync(
            new ResolveCaseMatchRequest { Name = r.Name, Case = "cases/notacandidate", Note = "x" }).ResponseAsync);
        var resolved = await _callCentre.InformationSharing.ResolveCaseMatchAsync(
            new ResolveCaseMatchRequest { Name = r.Name, Case = here.Name, Note = "Confirmed the address with SRS" });
        Assert.Equal(SharingRequestState.WithFca, resolved.State);
        Assert.Contains("Confirmed the address with SRS", resolved.Cafcass.MatchNote);
        Assert.Equal(here.Name, resolved.Cafcass.Case);
        await AssertEveryViewWithinTheRules(r.Name, here, routedToFca: true);
    }

    [Fact]
    public async Task Only_the_allocated_fca_answers_and_roles_are_held_to_their_steps()
    {
        await CreateCase(NewCase("ZW26C00011", "Ivy", "Chen", D(2019, 12, 1)));
        var r = await Submit("Ivy", "Chen", D(2019, 12, 1));
        await Refusal.Expect(StatusCode.PermissionDenied, () => Submit("Ivy", "Chen", D(2019, 12, 1), as_: _fca));
        await Refusal.Expect(StatusCode.PermissionDenied, () => _naccc.InformationSharing.LookUpCaseAsync(new LookUpCaseRequest { Name = r.Name }).ResponseAsync);
        await Refusal.Expect(StatusCode.PermissionDenied, () => Answer(r, YesNo.No, YesNo.No, as_: _callCentre));
        await Refusal.Expect(StatusCode.PermissionDenied, () => _naccc.Cases.GetCaseAsync(new GetCaseRequest { Name = "cases/x" }).ResponseAsync);
        await Refusal.Expect(StatusCode.NotFound, () => Answer(r, YesNo.No, YesNo.No));

        var routed = await LookUp(r);
        await Refusal.Expect(StatusCode.FailedPrecondition, () => LookUp(r));
        await Refusal.Expect(StatusCode.NotFound, () => Answer(routed, YesNo.No, YesNo.No, as_: _otherFca));
        await Answer(routed, YesNo.No, YesNo.No);
        await Refusal.Expect(StatusCode.FailedPrecondition, () => Answer(routed, YesNo.No, YesNo.No));
    }

    [Fact]
    public async Task NACCC_receives_its_answers_by_a_resumable_stream_and_the_fca_is_notified_every_time_a_case_is_queried()
    {
        var open = await CreateCase(NewCase("ZW26C00012", "Jay", "Brown", D(2018, 8, 8)));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var worklist = _fca.InformationSharing.WatchFcaWorklist(new WatchFcaWorklistRequest(), cancellationToken: cts.Token);
        using var stream = _naccc.InformationSharing.WatchSharingRequests(new WatchSharingRequestsRequest(), cancellationToken: cts.Token);
        var strangers = await Submit("Jay", "Brown", D(2018, 8, 8), as_: _otherNaccc);

        var first = await LookUp(await Submit("Jay", "Brown", D(2018, 8, 8)));
        await Answer(first, YesNo.No, YesNo.No);
        var second = await LookUp(await Submit("Jay", "Brown", D(2018, 8, 8)));

        // The stream carries each request as it is now, in sequence order: a subscriber that joins
        // late gets the latest state of every request it missed, never an older one after a newer.
        var states = new List<(string Name, SharingRequestState State, long Sequence)>();
        bool Done() => states.Any(s => s.Name == first.Name && s.State == SharingRequestState.Answered)
            && states.Any(s => s.Name == second.Name && s.State == SharingRequestState.WithFca);
        while (!Done() && await stream.ResponseStream.MoveNext(cts.Token))
        {
            var seen = stream.ResponseStream.Current.SharingRequest;
            Assert.Null(seen.Cafcass);
            Assert.NotEqual(strangers.Name, seen.Name);
            states.Add((seen.Name, seen.State, seen.Sequence));
        }
        Assert.Equal(states.Select(s => s.Sequence).Order(), states.Select(s => s.Sequence));
        Assert.Equal(SharingRequestState.Answered, states.Last(s => s.Name == first.Name).State);

        // Resuming after the first request's answer replays only what followed, as it is now.
        var answeredAt = states.Single(s => s.Name == first.Name && s.State == SharingRequestState.Answered).Sequence;
        using var resumed = _naccc.InformationSharing.WatchSharingRequests(new WatchSharingRequestsRequest { AfterSequence = answeredAt }, cancellationToken: cts.Token);
        Assert.True(await resumed.ResponseStream.MoveNext(cts.Token));
        Assert.Equal((second.Name, SharingRequestState.WithFca), (resumed.ResponseStream.Current.SharingRequest.Name, resumed.ResponseStream.Current.SharingRequest.State));

        var notes = new List<FcaNotification>();
        while (notes.Count < 2 && await worklist.ResponseStream.MoveNext(cts.Token)) notes.Add(worklist.ResponseStream.Current.Notification);
        Assert.All(notes, n => Assert.Equal((open.Name, FcaNotificationKind.RequestRouted), (n.Case, n.Kind)));
        Assert.Equal([first.Name, second.Name], notes.Select(n => n.SharingRequest));
        Assert.True(notes[1].Sequence > notes[0].Sequence);
    }

    [Fact]
    public async Task NCT_watches_every_sharing_request_as_it_lists_them_and_a_contact_centre_may_not_watch()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var stream = _nct.InformationSharing.WatchSharingRequests(new WatchSharingRequestsRequest { LiveOnly = true }, cancellationToken: cts.Token);
        await stream.ResponseHeadersAsync;
        var mine = await Submit("Lee", "Green", D(2019, 1, 1));
        var theirs = await Submit("Max", "Green", D(2019, 2, 2), as_: _otherNaccc);

        var seen = new List<SharingRequest>();
        while (seen.Count < 2 && await stream.ResponseStream.MoveNext(cts.Token)) seen.Add(stream.ResponseStream.Current.SharingRequest);
        Assert.Equal([mine.Name, theirs.Name], seen.Select(r => r.Name));
        // As NCT lists them: with Cafcass's view, the same fields as ListSharingRequests gives it.
        var listed = (await _nct.InformationSharing.ListSharingRequestsAsync(new ListSharingRequestsRequest())).SharingRequests.Single(r => r.Name == mine.Name);
        Assert.Equal(listed, seen[0]);

        // A resumed NCT watcher replays what it missed, from every NACCC key.
        using var resumed = _nct.InformationSharing.WatchSharingRequests(new WatchSharingRequestsRequest { AfterSequence = seen[0].Sequence - 1 }, cancellationToken: cts.Token);
        Assert.True(await resumed.ResponseStream.MoveNext(cts.Token));
        Assert.Equal(mine.Name, resumed.ResponseStream.Current.SharingRequest.Name);
        Assert.True(await resumed.ResponseStream.MoveNext(cts.Token));
        Assert.Equal(theirs.Name, resumed.ResponseStream.Current.SharingRequest.Name);

        var centre = await _host.ClientAsync(Role.ContactCentre, centreId: "watchcentre1");
        await Refusal.Expect(StatusCode.PermissionDenied, async () =>
        {
            using var refused = centre.InformationSharing.WatchSharingRequests(new WatchSharingRequestsRequest { LiveOnly = true }, cancellationToken: cts.Token);
            await refused.ResponseStream.MoveNext(cts.Token);
        });
    }

    [Fact]
    public async Task The_disclosure_statement_lists_every_disclosure_made_on_a_case()
    {
        var open = await CreateCase(NewCase("ZW26C00013", "Kai", "Evans", D(2016, 6, 6), historic: true, permission: true));
        var a = await LookUp(await Submit("Kai", "Evans", D(2016, 6, 6)));
        await Answer(a, YesNo.No, YesNo.Yes, YesNo.Yes, "ZW24C00042 order 3 March 2026", [Permitted]);
        var b = await LookUp(await Submit("Kai", "Evans", D(2016, 6, 6)));
        _host.Clock.Advance(TimeSpan.FromHours(1));
        await Answer(b, YesNo.Yes);

        var statement = await Statement(open.Name, _nct);
        Assert.Equal("ZW26C00013", statement.CaseNumber);
        Assert.Equal([a.Name, a.Name, b.Name, b.Name], statement.Disclosures.Select(d => d.SharingRequest));
        Assert.All(statement.Disclosures, d => Assert.NotEmpty(d.SharedBy));
        Assert.Contains("CallCentre", statement.Disclosures[0].SharedBy);
        Assert.Contains("Practitioner", statement.Disclosures[1].SharedBy);
        Assert.Equal(_host.Clock.GetUtcNow(), statement.Disclosures[3].DiscloseTime.ToDateTimeOffset());
        var json = JsonFormatter.Default.Format(statement);
        Assert.DoesNotContain(PartySentinel, json);
        Assert.DoesNotContain(NotChosen, json);

        // For the FCA of the case, NCT and audit; not for another FCA or NACCC.
        await Refusal.Expect(StatusCode.NotFound, () => Statement(open.Name, _otherFca));
        await Refusal.Expect(StatusCode.PermissionDenied, () => Statement(open.Name, _naccc));
    }

    [Fact]
    public async Task Requests_fall_due_in_call_centre_hours_and_the_status_says_when_it_next_opens()
    {
        // Tuesday 2 June 2026, 10:00 BST: open until 17:00 BST.
        var status = await _naccc.InformationSharing.GetCallCentreStatusAsync(new GetCallCentreStatusRequest());
        Assert.True(status.OpenNow);
        Assert.Equal(new DateTimeOffset(2026, 6, 2, 16, 0, 0, TimeSpan.Zero), status.ClosesTime.ToDateTimeOffset());

        var r = await Submit("Lea", "Moss", D(2019, 1, 1));
        Assert.Equal(TestHost.Start, r.ReceiveTime.ToDateTimeOffset());
        // One working day = 8 working hours: 7 on Tuesday, 1 on Wednesday, so Wednesday 10:00 BST.
        Assert.Equal(new DateTimeOffset(2026, 6, 3, 9, 0, 0, TimeSpan.Zero), r.DueTime.ToDateTimeOffset());
        Assert.False(r.Overdue);

        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 6, 12, 0, 0, TimeSpan.Zero)); // Saturday
        Assert.True((await Get(_naccc, r.Name)).Overdue);
        status = await _naccc.InformationSharing.GetCallCentreStatusAsync(new GetCallCentreStatusRequest());
        Assert.False(status.OpenNow);
        Assert.Null(status.ClosesTime);
        Assert.Equal(new DateTimeOffset(2026, 6, 8, 8, 0, 0, TimeSpan.Zero), status.NextOpenTime.ToDateTimeOffset());

        // Once answered (not known), nothing is due or overdue.
        var answered = await LookUp(r);
        Assert.Null(answered.DueTime);
        Assert.False(answered.Overdue);
    }

    [Fact]
    public async Task Lists_only_overdue_requests_on_request_with_their_total_and_each_caller_keeps_to_its_own()
    {
        await CreateCase(NewCase("ZW26C00950", "Ivy", "Late", D(2018, 5, 6)));
        var routed = await LookUp(await Submit("Ivy", "Late", D(2018, 5, 6)));              // with the FCA: due in 16 working hours
        var waiting = await Submit("Noor", "Waiting", D(2019, 2, 3), as_: _otherNaccc);      // with the call centre: due in 8
        var notOpen = await LookUp(await Submit("Nobody", "Known", D(2017, 7, 8)));         // answered: never overdue
        Assert.Equal((SharingRequestState.WithFca, SharingRequestState.NotOpen), (routed.State, notOpen.State));

        Task<ListSharingRequestsResponse> Overdue(ContactClient c, SharingRequestState state = SharingRequestState.Unspecified) =>
            c.InformationSharing.ListSharingRequestsAsync(new ListSharingRequestsRequest { OverdueOnly = true, State = state }).ResponseAsync;
        static string[] Names(ListSharingRequestsResponse r) => r.SharingRequests.Select(x => x.Name).Order().ToArray();

        var none = await Overdue(_nct);
        Assert.Equal(0, none.TotalSize);
        Assert.Empty(none.SharingRequests);
        Assert.Equal(3, (await _nct.InformationSharing.ListSharingRequestsAsync(new ListSharingRequestsRequest())).TotalSize);

        // Tuesday 10:00 to Friday 10:00 BST: past both due times, at the server's clock.
        _host.Clock.Advance(TimeSpan.FromDays(3));
        var all = await Overdue(_nct);
        Assert.Equal(2, all.TotalSize);
        Assert.Equal(new[] { routed.Name, waiting.Name }.Order(), Names(all));
        Assert.All(all.SharingRequests, r => Assert.True(r.Overdue));
        Assert.Equal([routed.Name], Names(await Overdue(_nct, SharingRequestState.WithFca)));

        // Paged, the total still counts every match.
        var first = await _nct.InformationSharing.ListSharingRequestsAsync(new ListSharingRequestsRequest { OverdueOnly = true, PageSize = 1 });
        Assert.Equal((2, 1), (first.TotalSize, first.SharingRequests.Count));
        Assert.NotEmpty(first.NextPageToken);

        // The filter narrows what each caller may see, never widens it.
        Assert.Equal([routed.Name], Names(await Overdue(_naccc)));
        Assert.Equal(1, (await Overdue(_naccc)).TotalSize);
        Assert.Equal([waiting.Name], Names(await Overdue(_otherNaccc)));
        Assert.Equal([routed.Name], Names(await Overdue(_fca)));
        var other = await Overdue(_otherFca);
        Assert.Equal(0, other.TotalSize);
        Assert.Empty(other.SharingRequests);
    }
}
