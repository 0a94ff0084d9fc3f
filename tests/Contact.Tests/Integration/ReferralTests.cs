using Contact.Client;
using Contact.Server.Storage;
using Contact.Tests.Support;
using Contact.V1;
using Grpc.Core;

namespace Contact.Tests.Integration;

/// <summary>Referrals through a real GrpcChannel against the in-process server, with the C# SDK.</summary>
public class ReferralTests : IAsyncLifetime
{
    private TestHost _host = null!;
    private ContactClient _naccc = null!;
    private ContactClient _practitioner = null!;
    private ContactClient _nct = null!;
    /// <summary>Accredited at both levels, commissioned for supervised contact.</summary>
    private Centre _centre = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        _naccc = await _host.ClientAsync(Role.Naccc);
        _nct = await _host.ClientAsync(Role.NctOperator);
        _practitioner = await _host.ClientAsync(Role.Practitioner, fcaId: "fca-anna");
        _centre = await Referrals.AccreditedCentreAsync(_naccc, "Riverside Child Contact Centre", commissioned: true);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private int StoredReferrals() => _host.Get<ContactStore>().Read(s =>
        s.Collection<ReferralDocument>(ReferralRepository.Collection).Count() + s.Collection<ReferralEvent>(ReferralRepository.EventCollection).Count());

    public static TheoryData<string, StatusCode, string> RuleCases() => new()
    {
        { "no preparation plan", StatusCode.InvalidArgument, "Policy 1.3" },
        { "family not aware", StatusCode.InvalidArgument, "MOU 2.2.6" },
        { "further information without court permission", StatusCode.InvalidArgument, "Policy 1.8" },
        { "supported despite significant risk", StatusCode.InvalidArgument, "MOU 2.2.4" },
        { "centre not accredited", StatusCode.FailedPrecondition, "Policy 1.2" },
        { "supervised to a service not commissioned", StatusCode.FailedPrecondition, "Policy 1.4" },
    };

    [Theory]
    [MemberData(nameof(RuleCases))]
    public async Task Every_rule_is_refused_with_its_clause_and_nothing_is_stored(string rule, StatusCode code, string clause)
    {
        var referral = Referrals.Valid(_centre.Name);
        switch (rule)
        {
            case "no preparation plan": referral.ChildPreparation.Plan = ""; break;
            case "family not aware": referral.FamilyAware = false; break;
            case "further information without court permission": referral.CaseInformation.FurtherInformation = "The father's criminal record"; break;
            case "supported despite significant risk":
                referral.RiskAssessment = new ReferralRiskAssessment { SignificantRiskIdentified = true, RiskLevel = ReferralRiskLevel.Actual };
                break;
            case "centre not accredited":
                var candidate = await _naccc.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid("Unaccredited Centre") });
                referral.Centre = candidate.Name;
                break;
            case "supervised to a service not commissioned":
                var uncommissioned = await Referrals.AccreditedCentreAsync(_naccc, "Uncommissioned Centre", commissioned: false);
                referral.Centre = uncommissioned.Name;
                referral.ContactType = ContactType.Supervised;
                referral.RiskAssessment.RiskLevel = ReferralRiskLevel.Potential;
                break;
        }

        var error = await Refusal.Expect(code, () => _practitioner.Referrals.SubmitReferralAsync(new SubmitReferralRequest { Referral = referral }));

        Assert.Equal(clause, error.Clause);
        Assert.NotEmpty(error.Fields);
        if (rule == "supported despite significant risk") Assert.Contains("supervised", error.Message);
        if (rule == "centre not accredited") Assert.Equal("NOT_ACCREDITED", error.Reason);
        Assert.Equal(0, StoredReferrals());
        Assert.Equal(0, (await _nct.Referrals.ListReferralsAsync(new ListReferralsRequest())).TotalSize);
    }

    [Fact]
    public async Task A_malformed_referral_is_invalid_argument_with_every_field_named()
    {
        var referral = Referrals.Valid(_centre.Name);
        referral.RequestId = "not-a-uuid";
        referral.Children[0].BirthDate = null;
        referral.CaseNumber = "";
        var error = await Refusal.Expect(StatusCode.InvalidArgument, () => _practitioner.Referrals.SubmitReferralAsync(new SubmitReferralRequest { Referral = referral }));
        Assert.Equal(["referral.case_number", "referral.children[0].birth_date", "referral.request_id"],
            error.Fields.Select(f => f.Field).Distinct().Order());

        await Refusal.Expect(StatusCode.NotFound, () => _practitioner.Referrals.SubmitReferralAsync(new SubmitReferralRequest { Referral = Referrals.Valid("centres/nosuchcentre") }));
        Assert.Equal(0, StoredReferrals());
    }

    [Fact]
    public async Task Lists_page_in_submission_order_and_filter()
    {
        var supervised = Referrals.Valid(_centre.Name);
        supervised.ContactType = ContactType.Supervised;
        supervised.RiskAssessment = new ReferralRiskAssessment { SignificantRiskIdentified = true, RiskLevel = ReferralRiskLevel.Actual };
        var names = new List<string> { (await _practitioner.Referrals.SubmitReferralAsync(new SubmitReferralRequest { Referral = supervised })).Name };
        for (var i = 0; i < 4; i++)
        {
            _host.Clock.Advance(TimeSpan.FromMinutes(1));
            names.Add((await _practitioner.Referrals.SubmitReferralAsync(new SubmitReferralRequest { Referral = Referrals.Valid(_centre.Name) })).Name);
        }

        var seen = new List<string>();
        var request = new ListReferralsRequest { PageSize = 2 };
        do
        {
            var page = await _practitioner.Referrals.ListReferralsAsync(request);
            Assert.Equal(5, page.TotalSize);
            seen.AddRange(page.Referrals.Select(r => r.Name));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        Assert.Equal(names, seen);

        var onlySupervised = await _nct.Referrals.ListReferralsAsync(new ListReferralsRequest { ContactType = ContactType.Supervised });
        Assert.Equal(names[0], onlySupervised.Referrals.Single().Name);
        Assert.Empty((await _nct.Referrals.ListReferralsAsync(new ListReferralsRequest { Status = ReferralStatus.Accepted })).Referrals);
        await Refusal.Expect(StatusCode.InvalidArgument, () => _nct.Referrals.ListReferralsAsync(new ListReferralsRequest { PageToken = "garbage!" }));
    }

    [Fact]
    public async Task A_referral_goes_from_submission_to_completion_with_its_history_as_practitioner_and_as_centre()
    {
        var centre = await _host.ClientAsync(Role.ContactCentre, centreId: _centre.Name["centres/".Length..]);
        var submitted = await _practitioner.Referrals.SubmitReferralAsync(new SubmitReferralRequest { Referral = Referrals.Valid(_centre.Name) });
        Assert.Equal(ReferralStatus.Submitted, submitted.Status);
        Assert.Equal("fca-anna", submitted.FcaId);
        Assert.Equal(_centre.DisplayName, submitted.CentreDisplayName);
        Assert.Equal("Amelia", submitted.Children.Single().GivenNames);

        // The centre's worklist holds it.
        var worklist = await centre.Referrals.ListReferralsAsync(new ListReferralsRequest { Status = ReferralStatus.Submitted });
        Assert.Equal(submitted.Name, worklist.Referrals.Single().Name);

        var start = DateOnly.FromDateTime(TestHost.Start.UtcDateTime).AddDays(21);
        await centre.Referrals.WaitlistReferralAsync(new WaitlistReferralRequest
        {
            Name = submitted.Name, Note = "Saturday sessions full until late June",
            ExpectedStartDate = new Google.Type.Date { Year = start.Year, Month = start.Month, Day = start.Day },
        });
        _host.Clock.Advance(TimeSpan.FromDays(1));
        await centre.Referrals.AcceptReferralAsync(new AcceptReferralRequest { Name = submitted.Name });
        _host.Clock.Advance(TimeSpan.FromDays(5));
        await centre.Referrals.StartReferralAsync(new StartReferralRequest { Name = submitted.Name });
        _host.Clock.Advance(TimeSpan.FromDays(14)); // within the test keys' 30 days
        var completed = await centre.Referrals.CompleteReferralAsync(new CompleteReferralRequest { Name = submitted.Name, Note = "Six sessions attended" });

        Assert.Equal(ReferralStatus.Completed, completed.Status);
        var seen = await _practitioner.Referrals.GetReferralAsync(new GetReferralRequest { Name = submitted.Name });
        Assert.Equal(
            [ReferralAction.Submit, ReferralAction.Waitlist, ReferralAction.Accept, ReferralAction.Start, ReferralAction.Complete],
            seen.History.Select(h => h.Action));
        Assert.Equal(
            [ReferralStatus.Submitted, ReferralStatus.Waitlisted, ReferralStatus.Accepted, ReferralStatus.InProgress, ReferralStatus.Completed],
            seen.History.Select(h => h.NewStatus));
        Assert.Equal([Role.Practitioner, Role.ContactCentre, Role.ContactCentre, Role.ContactCentre, Role.ContactCentre], seen.History.Select(h => h.ActorRole));
        Assert.All(seen.History.Skip(1), h => Assert.Equal("Test ContactCentre", h.Actor));
        Assert.Equal(seen.History.Select(h => h.Time.ToDateTimeOffset()).Order(), seen.History.Select(h => h.Time.ToDateTimeOffset()));
        Assert.Equal(TestHost.Start.AddDays(20), seen.History.Last().Time.ToDateTimeOffset());
        Assert.Equal("Six sessions attended", seen.History.Last().Note);
        Assert.Equal(start, new DateOnly(seen.ExpectedStartDate.Year, seen.ExpectedStartDate.Month, seen.ExpectedStartDate.Day));

        // A completed referral moves no further.
        var error = await Refusal.Expect(StatusCode.FailedPrecondition, () => _practitioner.Referrals.WithdrawReferralAsync(new WithdrawReferralRequest { Name = submitted.Name, Reason = "too late" }));
        Assert.Equal("FAILED_PRECONDITION", error.Reason);

        // Every write and every read is on the audit trail, under the case number.
        var auditor = await _host.ClientAsync(Role.Auditor);
        var entries = await auditor.Audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { CaseNumber = submitted.CaseNumber, PageSize = 100 });
        var methods = entries.Entries.Where(e => e.Outcome == AuditOutcome.Ok).Select(e => e.Method.Split('/').Last()).ToHashSet();
        Assert.Superset(new HashSet<string> { "SubmitReferral", "ListReferrals", "WaitlistReferral", "AcceptReferral", "StartReferral", "CompleteReferral", "GetReferral" }, methods);
        Assert.Contains(entries.Entries, e => e.Method.EndsWith("/WithdrawReferral") && e.Outcome == AuditOutcome.Failed);
    }

    [Fact]
    public async Task Illegal_transitions_are_failed_precondition_and_declines_carry_their_reason()
    {
        var centre = await _host.ClientAsync(Role.ContactCentre, centreId: _centre.Name["centres/".Length..]);
        var referral = await _practitioner.Referrals.SubmitReferralAsync(new SubmitReferralRequest { Referral = Referrals.Valid(_centre.Name) });
        await Refusal.Expect(StatusCode.FailedPrecondition, () => centre.Referrals.CompleteReferralAsync(new CompleteReferralRequest { Name = referral.Name }));
        await Refusal.Expect(StatusCode.InvalidArgument, () => centre.Referrals.DeclineReferralAsync(new DeclineReferralRequest { Name = referral.Name }));

        var declined = await centre.Referrals.DeclineReferralAsync(new DeclineReferralRequest { Name = referral.Name, Reason = DeclineReason.NoCapacity });
        Assert.Equal((ReferralStatus.Declined, DeclineReason.NoCapacity), (declined.Status, declined.DeclineReason));
        await Refusal.Expect(StatusCode.FailedPrecondition, () => centre.Referrals.AcceptReferralAsync(new AcceptReferralRequest { Name = referral.Name }));
        await Refusal.Expect(StatusCode.FailedPrecondition, () => _nct.Referrals.CancelReferralAsync(new CancelReferralRequest { Name = referral.Name, Reason = "duplicate" }));
    }

    [Fact]
    public async Task A_centre_that_lost_its_accreditation_cannot_accept_waitlist_or_start_but_may_decline_Policy_1_2()
    {
        var centre = await _host.ClientAsync(Role.ContactCentre, centreId: _centre.Name["centres/".Length..]);
        var submitted = await _practitioner.Referrals.SubmitReferralAsync(new SubmitReferralRequest { Referral = Referrals.Valid(_centre.Name) });
        await _naccc.Register.RecordAccreditationDecisionAsync(new RecordAccreditationDecisionRequest
        {
            Centre = _centre.Name, Level = AccreditationLevel.Standard, Action = AccreditationAction.Suspend, Reason = "Safeguarding review",
        });

        var refused = await Refusal.Expect(StatusCode.FailedPrecondition, () => centre.Referrals.AcceptReferralAsync(new AcceptReferralRequest { Name = submitted.Name }));
        Assert.Equal("Policy 1.2", refused.Clause);
        var later = _host.Clock.GetUtcNow().AddDays(14);
        await Refusal.Expect(StatusCode.FailedPrecondition, () => centre.Referrals.WaitlistReferralAsync(new WaitlistReferralRequest
        {
            Name = submitted.Name, ExpectedStartDate = new Google.Type.Date { Year = later.Year, Month = later.Month, Day = later.Day },
        }));
        var unchanged = await _nct.Referrals.GetReferralAsync(new GetReferralRequest { Name = submitted.Name });
        Assert.Equal(ReferralStatus.Submitted, unchanged.Status);
        Assert.Single(unchanged.History);

        var declined = await centre.Referrals.DeclineReferralAsync(new DeclineReferralRequest { Name = submitted.Name, Reason = DeclineReason.Other, Note = "Suspended by NACCC" });
        Assert.Equal(ReferralStatus.Declined, declined.Status);
    }

    [Fact]
    public async Task Someone_elses_referral_is_permission_denied_exactly_like_one_that_does_not_exist()
    {
        var referral = await _practitioner.Referrals.SubmitReferralAsync(new SubmitReferralRequest { Referral = Referrals.Valid(_centre.Name) });
        var otherPractitioner = await _host.ClientAsync(Role.Practitioner, fcaId: "fca-bob");
        var otherCentreRecord = await Referrals.AccreditedCentreAsync(_naccc, "Hillside Centre", commissioned: false);
        var otherCentre = await _host.ClientAsync(Role.ContactCentre, centreId: otherCentreRecord.Name["centres/".Length..]);
        const string missing = "referrals/doesnotexist1";

        foreach (var name in new[] { referral.Name, missing })
        {
            var a = await Refusal.Expect(StatusCode.PermissionDenied, () => otherPractitioner.Referrals.GetReferralAsync(new GetReferralRequest { Name = name }));
            var b = await Refusal.Expect(StatusCode.PermissionDenied, () => otherCentre.Referrals.AcceptReferralAsync(new AcceptReferralRequest { Name = name }));
            var c = await Refusal.Expect(StatusCode.PermissionDenied, () => otherPractitioner.Referrals.WithdrawReferralAsync(new WithdrawReferralRequest { Name = name, Reason = "mine?" }));
            Assert.Equal(a.Message, c.Message);
            Assert.Equal(a.Message, b.Message);
        }
        await Refusal.Expect(StatusCode.NotFound, () => _nct.Referrals.GetReferralAsync(new GetReferralRequest { Name = missing }));
        // A practitioner cannot act as the centre, nor the centre withdraw: the role table refuses.
        await Refusal.Expect(StatusCode.PermissionDenied, () => _practitioner.Referrals.AcceptReferralAsync(new AcceptReferralRequest { Name = referral.Name }));

        Assert.Empty((await otherPractitioner.Referrals.ListReferralsAsync(new ListReferralsRequest())).Referrals);
        Assert.Empty((await otherCentre.Referrals.ListReferralsAsync(new ListReferralsRequest())).Referrals);
        Assert.Single((await _practitioner.Referrals.ListReferralsAsync(new ListReferralsRequest())).Referrals);
        Assert.Single((await _nct.Referrals.ListReferralsAsync(new ListReferralsRequest { Centre = _centre.Name })).Referrals);
        Assert.Equal(ReferralStatus.Submitted, (await _nct.Referrals.GetReferralAsync(new GetReferralRequest { Name = referral.Name })).Status);
    }

    [Fact]
    public async Task The_same_submission_sent_concurrently_with_one_request_id_is_stored_once()
    {
        var request = new SubmitReferralRequest { Referral = Referrals.Valid(_centre.Name) };
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _practitioner.Referrals.SubmitReferralAsync(request).ResponseAsync));

        Assert.Single(results.Select(r => r.Name).Distinct());
        Assert.Equal(1, (await _nct.Referrals.ListReferralsAsync(new ListReferralsRequest())).TotalSize);
        Assert.Equal(1, _host.Get<ContactStore>().Read(s => s.Collection<ReferralDocument>(ReferralRepository.Collection).Count()));

        // A later retry returns the first result too.
        var retried = await _practitioner.Referrals.SubmitReferralAsync(request);
        Assert.Equal(results[0].Name, retried.Name);

        // The same request id with a different body is refused: it names a referral that exists.
        var changed = request.Clone();
        changed.Referral.CaseNumber = "ZE26C09999";
        var error = await Refusal.Expect(StatusCode.AlreadyExists, () => _practitioner.Referrals.SubmitReferralAsync(changed));
        Assert.Equal("referral.request_id", error.Fields.Single().Field);

        // The request id is the practitioner's own: another practitioner using it makes a new referral.
        var other = await _host.ClientAsync(Role.Practitioner, fcaId: "fca-bob");
        Assert.NotEqual(results[0].Name, (await other.Referrals.SubmitReferralAsync(request)).Name);
    }

    [Fact]
    public async Task A_referral_to_a_centre_whose_accreditation_lapses_is_flagged_and_the_practitioner_and_NCT_streams_receive_it()
    {
        var renewal = DateOnly.FromDateTime(TestHost.Start.UtcDateTime).AddDays(10);
        var lapsing = await Referrals.AccreditedCentreAsync(_naccc, "Lapsing Centre", commissioned: false, renewal: renewal);
        var referral = await _practitioner.Referrals.SubmitReferralAsync(new SubmitReferralRequest { Referral = Referrals.Valid(lapsing.Name) });
        var unaffected = await _practitioner.Referrals.SubmitReferralAsync(new SubmitReferralRequest { Referral = Referrals.Valid(_centre.Name) });

        using var practitionerStream = _practitioner.Referrals.WatchReferrals(new WatchReferralsRequest { AfterSequence = unaffected.Sequence });
        using var nctStream = _nct.Referrals.WatchReferrals(new WatchReferralsRequest { AfterSequence = unaffected.Sequence });
        var practitionerNext = practitionerStream.ResponseStream.MoveNext(CancellationToken.None);
        var nctNext = nctStream.ResponseStream.MoveNext(CancellationToken.None);

        _host.Clock.Advance(TimeSpan.FromDays(11));
        await _host.Get<RegisterRepository>().RecordDueLapsesAsync();

        foreach (var (next, stream) in new[] { (practitionerNext, practitionerStream), (nctNext, nctStream) })
        {
            Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10)));
            var change = stream.ResponseStream.Current;
            Assert.Equal(ReferralChangeType.Flagged, change.ChangeType);
            Assert.Equal(referral.Name, change.Referral.Name);
            var flag = change.Referral.Flags.Single();
            Assert.Equal(ReferralFlagKind.CentreLostAccreditation, flag.Kind);
            Assert.Contains("lapsed", flag.Reason);
            Assert.Equal(renewal.AddDays(1), new DateOnly(flag.EffectiveDate.Year, flag.EffectiveDate.Month, flag.EffectiveDate.Day));
        }

        var flagged = await _practitioner.Referrals.ListReferralsAsync(new ListReferralsRequest { Flagged = true });
        Assert.Equal(referral.Name, flagged.Referrals.Single().Name);
        Assert.Equal(ReferralStatus.Submitted, flagged.Referrals.Single().Status); // flagged, not silently changed or dropped

        // A subscriber that was away resumes from its last sequence and receives the flag it missed.
        using var resumed = _practitioner.Referrals.WatchReferrals(new WatchReferralsRequest { AfterSequence = referral.Sequence });
        Assert.True(await resumed.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(unaffected.Name, resumed.ResponseStream.Current.Referral.Name);
        Assert.True(await resumed.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(ReferralChangeType.Flagged, resumed.ResponseStream.Current.ChangeType);

        // Handling the same accreditation changes again (as after a restart) flags nothing twice.
        var repository = _host.Get<ReferralRepository>();
        foreach (var change in _host.Get<RegisterRepository>().ChangesAfter(0, lapsing.Name["centres/".Length..], 100))
            Assert.Equal(0, await repository.FlagForAccreditationChangeAsync(change));
        Assert.Single((await _nct.Referrals.GetReferralAsync(new GetReferralRequest { Name = referral.Name })).Flags);

        // And no new referral is accepted to it (policy 1.2).
        var error = await Refusal.Expect(StatusCode.FailedPrecondition, () => _practitioner.Referrals.SubmitReferralAsync(new SubmitReferralRequest { Referral = Referrals.Valid(lapsing.Name) }));
        Assert.Equal("Policy 1.2", error.Clause);
    }

    [Fact]
    public async Task A_centre_streams_the_referrals_addressed_to_it()
    {
        var centre = await _host.ClientAsync(Role.ContactCentre, centreId: _centre.Name["centres/".Length..]);
        var referral = Referrals.Valid(_centre.Name);
        referral.CaseNumber = "ZE26C00777";
        using (var cancel = new CancellationTokenSource())
        using (var stream = centre.Referrals.WatchReferrals(new WatchReferralsRequest(), cancellationToken: cancel.Token))
        {
            var next = stream.ResponseStream.MoveNext(CancellationToken.None);
            var submitted = await _practitioner.Referrals.SubmitReferralAsync(new SubmitReferralRequest { Referral = referral });
            Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.Equal((ReferralChangeType.Submitted, submitted.Name, submitted.Sequence),
                (stream.ResponseStream.Current.ChangeType, stream.ResponseStream.Current.Referral.Name, stream.ResponseStream.Current.Sequence));
            Assert.Equal("Amelia", stream.ResponseStream.Current.Referral.Children.Single().GivenNames);
            cancel.Cancel();
        }

        // What the stream disclosed is on the audit trail under the case number once it ends.
        var auditor = await _host.ClientAsync(Role.Auditor);
        var watched = false;
        for (var attempt = 0; attempt < 50 && !watched; attempt++)
        {
            var entries = await auditor.Audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { CaseNumber = referral.CaseNumber });
            watched = entries.Entries.Any(e => e.Method == "/contact.v1.ReferralService/WatchReferrals");
            if (!watched) await Task.Delay(200);
        }
        Assert.True(watched, "the streamed read of the referral was not audited");
    }
}
