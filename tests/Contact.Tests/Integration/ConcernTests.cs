using Contact.Client;
using Contact.Tests.Support;
using Contact.V1;
using Grpc.Core;

namespace Contact.Tests.Integration;

/// <summary>Concerns end to end through the C# SDK (policy 1.6, 1.7; MOU 2.1.4, 2.4.3).</summary>
public class ConcernTests : IAsyncLifetime
{
    private TestHost _host = null!;
    private ContactClient _nct = null!, _practitioner = null!;
    private string _centre = "";

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        _nct = await _host.ClientAsync(Role.NctOperator);
        _practitioner = await _host.ClientAsync(Role.Practitioner, fcaId: "fca-1");
        _centre = (await _nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid() })).Name;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<Concern> Act(Concern c, ConcernAction action, string note = "", string centre = "") =>
        _nct.Concerns.RecordConcernActionAsync(new RecordConcernActionRequest { Concern = c.Name, Action = action, Note = note, Centre = centre }).ResponseAsync;

    private static Concern AboutCentre(string centre, ConcernType type) => new() { Type = type, Centre = centre, Description = "Volunteers left children unattended in the garden." };

    private static Concern Unaccredited() => new()
    {
        Type = ConcernType.UnaccreditedOrganisation,
        Description = "Advertises supervised contact in the local paper; not on the NACCC register.",
        Organisation = new UnregisteredOrganisation { Name = "Happy Families Contact Ltd", Address = "Market Street, Newark", Offers = "supervised contact at weekends", ContactTypes = { ContactType.Supervised } },
    };

    [Fact]
    public async Task A_compliance_concern_goes_raised_review_alert_response_resolved_with_due_dates_Policy_1_7()
    {
        var raised = await _practitioner.Concerns.RaiseConcernAsync(new RaiseConcernRequest { Concern = AboutCentre(_centre, ConcernType.StandardsCompliance) });
        Assert.Equal(ConcernStatus.Raised, raised.Status);
        Assert.Equal("fca-1", raised.RaisedBy);
        Assert.Equal(new Google.Type.Date { Year = 2026, Month = 6, Day = 4 }, raised.DueDate); // raised 2 June + 2 days

        var reviewing = await Act(raised, ConcernAction.StartReview);
        Assert.Equal(ConcernStatus.UnderReview, reviewing.Status);
        Assert.Equal(new Google.Type.Date { Year = 2026, Month = 6, Day = 7 }, reviewing.DueDate); // + 5 days

        // 1.7: not resolved before NACCC is alerted.
        var refused = await Refusal.Expect(StatusCode.FailedPrecondition, () => Act(reviewing, ConcernAction.Resolve));
        Assert.Equal("Policy 1.7, MOU 2.1.4", refused.Clause);

        var alerted = await Act(reviewing, ConcernAction.AlertNaccc, "Emailed NACCC standards team: summary of the practitioner's report.");
        Assert.Equal(ConcernStatus.NacccAlerted, alerted.Status);
        Assert.Equal(new Google.Type.Date { Year = 2026, Month = 6, Day = 2 }, alerted.NacccAlert.AlertDate);
        Assert.Contains("summary", alerted.NacccAlert.Sent);

        _host.Clock.Advance(TimeSpan.FromDays(3));
        var answered = await Act(alerted, ConcernAction.RecordNacccResponse, "NACCC visited; action plan agreed.");
        Assert.Equal(new Google.Type.Date { Year = 2026, Month = 6, Day = 5 }, answered.NacccAlert.ResponseDate);
        var resolved = await Act(answered, ConcernAction.Resolve, "Action plan completed.");
        Assert.True(resolved.Closed);
        Assert.Null(resolved.DueDate);
        Assert.Equal(
            [ConcernAction.Unspecified, ConcernAction.StartReview, ConcernAction.AlertNaccc, ConcernAction.RecordNacccResponse, ConcernAction.Resolve],
            resolved.Timeline.Select(e => e.Action));

        // A closed concern takes no further steps but notes.
        var closed = await Refusal.Expect(StatusCode.FailedPrecondition, () => Act(resolved, ConcernAction.StartReview));
        Assert.Equal("Policy 1.7, MOU 2.1.4", closed.Clause);
        await Act(resolved, ConcernAction.AddNote, "Filed.");
    }

    [Fact]
    public async Task A_quality_concern_may_be_closed_with_no_further_action_saying_why_MOU_2_4_3()
    {
        var raised = await _practitioner.Concerns.RaiseConcernAsync(new RaiseConcernRequest { Concern = AboutCentre(_centre, ConcernType.Quality) });
        var reviewing = await Act(raised, ConcernAction.StartReview);
        var noWhy = await Refusal.Expect(StatusCode.InvalidArgument, () => Act(reviewing, ConcernAction.CloseNoFurtherAction));
        Assert.Contains(noWhy.Fields, f => f.Field == "note");
        var closed = await Act(reviewing, ConcernAction.CloseNoFurtherAction, "Duplicate of an earlier concern.");
        Assert.Equal(ConcernStatus.NoFurtherAction, closed.Status);

        var encourage = await Refusal.Expect(StatusCode.FailedPrecondition, () => Act(raised, ConcernAction.EncourageAccreditation));
        Assert.Equal("Policy 1.6", encourage.Clause);
    }

    [Fact]
    public async Task An_unregistered_organisation_is_encouraged_to_seek_accreditation_and_later_linked_to_its_register_entry_Policy_1_6()
    {
        // Named in free text: a register entry is refused for this type.
        var wrong = Unaccredited();
        wrong.Centre = _centre;
        var refusedCentre = await Refusal.Expect(StatusCode.InvalidArgument, () => _practitioner.Concerns.RaiseConcernAsync(new RaiseConcernRequest { Concern = wrong }));
        Assert.Contains(refusedCentre.Fields, f => f.Field == "concern.centre");

        var raised = await _practitioner.Concerns.RaiseConcernAsync(new RaiseConcernRequest { Concern = Unaccredited() });
        Assert.Equal("Happy Families Contact Ltd", raised.Organisation.Name);
        Assert.Equal("", raised.Centre);
        var reviewing = await Act(raised, ConcernAction.StartReview);
        var alerted = await Act(reviewing, ConcernAction.AlertNaccc, "Asked NACCC to contact the organisation about accreditation.");
        var encouraged = await Act(alerted, ConcernAction.EncourageAccreditation, "NACCC wrote to the organisation.");
        Assert.Equal(ConcernStatus.AccreditationEncouraged, encouraged.Status);
        Assert.Equal(new Google.Type.Date { Year = 2026, Month = 8, Day = 1 }, encouraged.DueDate); // + 60 days

        // Months later the organisation applies and is entered in the register: NCT links the concern.
        _host.Clock.Advance(TimeSpan.FromDays(20));
        var entry = Centres.Valid("Happy Families Contact Centre");
        entry.Organisation.Name = "Happy Families Contact Ltd";
        var registered = await _nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = entry });
        var linked = await Act(encouraged, ConcernAction.LinkCentre, "Now in the register as a candidate.", registered.Name);
        Assert.Equal(registered.Name, linked.Centre);
        Assert.Equal(ConcernStatus.AccreditationEncouraged, linked.Status);

        var again = await Refusal.Expect(StatusCode.FailedPrecondition, () => Act(linked, ConcernAction.LinkCentre, "", _centre));
        Assert.Equal("Policy 1.6", again.Clause);

        // NCT now sees it wherever it looks at that centre.
        var forCentre = await _nct.Concerns.ListConcernsAsync(new ListConcernsRequest { Centre = registered.Name, OpenOnly = true });
        Assert.Equal(1, forCentre.TotalSize);
        Assert.Equal(raised.Name, forCentre.Concerns.Single().Name);

        var resolved = await Act(linked, ConcernAction.Resolve, "Accreditation applied for.");
        Assert.Equal(ConcernStatus.Resolved, resolved.Status);
    }

    [Fact]
    public async Task Linking_a_concern_about_an_accredited_centre_or_to_an_unknown_centre_is_refused_and_nothing_changes()
    {
        var raised = await _practitioner.Concerns.RaiseConcernAsync(new RaiseConcernRequest { Concern = AboutCentre(_centre, ConcernType.Quality) });
        var refused = await Refusal.Expect(StatusCode.FailedPrecondition, () => Act(raised, ConcernAction.LinkCentre, "", _centre));
        Assert.Equal("Policy 1.6", refused.Clause);

        var unaccredited = await _practitioner.Concerns.RaiseConcernAsync(new RaiseConcernRequest { Concern = Unaccredited() });
        await Refusal.Expect(StatusCode.NotFound, () => Act(unaccredited, ConcernAction.LinkCentre, "", "centres/nosuchcentre"));
        var stored = await _nct.Concerns.GetConcernAsync(new GetConcernRequest { Name = unaccredited.Name });
        Assert.Equal("", stored.Centre);
        Assert.Single(stored.Timeline);
        Assert.Equal(unaccredited.Etag, stored.Etag);
    }

    [Fact]
    public async Task The_raiser_sees_status_and_dates_but_not_NCT_notes_nor_NACCC_correspondence_other_practitioners_see_nothing()
    {
        var raised = await _practitioner.Concerns.RaiseConcernAsync(new RaiseConcernRequest { Concern = AboutCentre(_centre, ConcernType.StandardsCompliance) });
        var reviewing = await Act(raised, ConcernAction.StartReview, "Internal: spoke to the centre manager.");
        await Act(reviewing, ConcernAction.AlertNaccc, "Sent NACCC the full report.");

        var own = await _practitioner.Concerns.GetConcernAsync(new GetConcernRequest { Name = raised.Name });
        Assert.Equal(ConcernStatus.NacccAlerted, own.Status);
        Assert.NotNull(own.NacccAlert.AlertDate);
        Assert.Equal("", own.NacccAlert.Sent);
        Assert.All(own.Timeline, e => Assert.Equal("", e.Note));
        Assert.Equal(3, own.Timeline.Count);

        var other = await _host.ClientAsync(Role.Practitioner, fcaId: "fca-2");
        await Refusal.Expect(StatusCode.NotFound, () => other.Concerns.GetConcernAsync(new GetConcernRequest { Name = raised.Name }));
        Assert.Equal(0, (await other.Concerns.ListConcernsAsync(new ListConcernsRequest())).TotalSize);
        Assert.Equal(1, (await _practitioner.Concerns.ListConcernsAsync(new ListConcernsRequest())).TotalSize);

        // Partners never see concerns; a practitioner takes no NCT step.
        foreach (var role in new[] { Role.Naccc, Role.ContactCentre, Role.CallCentre, Role.CaseSystem, Role.Auditor })
        {
            var partner = await _host.ClientAsync(role, centreId: _centre["centres/".Length..]);
            await Refusal.Expect(StatusCode.PermissionDenied, () => partner.Concerns.ListConcernsAsync(new ListConcernsRequest()));
            await Refusal.Expect(StatusCode.PermissionDenied, () => partner.Concerns.GetConcernAsync(new GetConcernRequest { Name = raised.Name }));
        }
        await Refusal.Expect(StatusCode.PermissionDenied, () => _practitioner.Concerns.RecordConcernActionAsync(new RecordConcernActionRequest { Concern = raised.Name, Action = ConcernAction.StartReview }));

        // The centre record itself carries nothing of the concern for anyone.
        var centre = await (await _host.ClientAsync(Role.ContactCentre, centreId: _centre["centres/".Length..])).Register.GetCentreAsync(new GetCentreRequest { Name = _centre });
        Assert.DoesNotContain("concern", centre.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_triage_queue_puts_open_concerns_due_soonest_first_flags_the_overdue_and_pages()
    {
        var first = await _practitioner.Concerns.RaiseConcernAsync(new RaiseConcernRequest { Concern = AboutCentre(_centre, ConcernType.Quality) });
        _host.Clock.Advance(TimeSpan.FromDays(1));
        var second = await _practitioner.Concerns.RaiseConcernAsync(new RaiseConcernRequest { Concern = AboutCentre(_centre, ConcernType.StandardsCompliance) });
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        var third = await _practitioner.Concerns.RaiseConcernAsync(new RaiseConcernRequest { Concern = Unaccredited() });
        // The first is reviewed (due 5 days on), so the second, due in 2 days, comes first.
        await Act(first, ConcernAction.StartReview);
        _host.Clock.Advance(TimeSpan.FromDays(3)); // second and third (due 5 June) now overdue; first due 8 June

        var queue = await _nct.Concerns.ListConcernsAsync(new ListConcernsRequest());
        Assert.Equal([second.Name, third.Name, first.Name], queue.Concerns.Select(c => c.Name));
        Assert.Equal([true, true, false], queue.Concerns.Select(c => c.Overdue));

        var overdue = await _nct.Concerns.ListConcernsAsync(new ListConcernsRequest { OverdueOnly = true });
        Assert.Equal(2, overdue.TotalSize);
        var byType = await _nct.Concerns.ListConcernsAsync(new ListConcernsRequest { Type = ConcernType.UnaccreditedOrganisation });
        Assert.Equal(third.Name, byType.Concerns.Single().Name);
        var byStatus = await _nct.Concerns.ListConcernsAsync(new ListConcernsRequest { Status = ConcernStatus.UnderReview });
        Assert.Equal(first.Name, byStatus.Concerns.Single().Name);

        var page1 = await _nct.Concerns.ListConcernsAsync(new ListConcernsRequest { PageSize = 2 });
        var page2 = await _nct.Concerns.ListConcernsAsync(new ListConcernsRequest { PageSize = 2, PageToken = page1.NextPageToken });
        Assert.Equal(queue.Concerns.Select(c => c.Name), page1.Concerns.Concat(page2.Concerns).Select(c => c.Name));
        Assert.Equal("", page2.NextPageToken);
        await Refusal.Expect(StatusCode.InvalidArgument, () => _nct.Concerns.ListConcernsAsync(new ListConcernsRequest { PageToken = "garbage" }));
    }

    [Fact]
    public async Task An_out_of_order_step_on_a_quality_concern_is_refused_with_MOU_2_4_3_and_nothing_changes()
    {
        var raised = await _practitioner.Concerns.RaiseConcernAsync(new RaiseConcernRequest { Concern = AboutCentre(_centre, ConcernType.Quality) });
        var refused = await Refusal.Expect(StatusCode.FailedPrecondition, () => Act(raised, ConcernAction.AlertNaccc, "Sent to NACCC"));
        Assert.Equal("MOU 2.4.3", refused.Clause);
        Assert.Contains(refused.Fields, f => f.Field == "action");
        var stored = await _nct.Concerns.GetConcernAsync(new GetConcernRequest { Name = raised.Name });
        Assert.Equal(ConcernStatus.Raised, stored.Status);
        Assert.Equal(raised.Etag, stored.Etag);
    }

    [Fact]
    public async Task An_out_of_order_step_on_an_unaccredited_organisation_concern_is_refused_with_Policy_1_6_and_nothing_changes()
    {
        var raised = await _practitioner.Concerns.RaiseConcernAsync(new RaiseConcernRequest { Concern = Unaccredited() });
        var refused = await Refusal.Expect(StatusCode.FailedPrecondition, () => Act(raised, ConcernAction.EncourageAccreditation));
        Assert.Equal("Policy 1.6", refused.Clause);
        Assert.Contains(refused.Fields, f => f.Field == "action");
        var stored = await _nct.Concerns.GetConcernAsync(new GetConcernRequest { Name = raised.Name });
        Assert.Equal(ConcernStatus.Raised, stored.Status);
        Assert.Equal(raised.Etag, stored.Etag);
    }

    [Fact]
    public async Task A_new_concern_naming_the_wrong_kind_of_organisation_carries_the_clause_Policy_1_6_and_1_7()
    {
        var wrong = Unaccredited();
        wrong.Centre = _centre;
        var unaccredited = await Refusal.Expect(StatusCode.InvalidArgument, () => _practitioner.Concerns.RaiseConcernAsync(new RaiseConcernRequest { Concern = wrong }));
        Assert.Equal("Policy 1.6", unaccredited.Clause);
        Assert.Contains(unaccredited.Fields, f => f.Field == "concern.centre");
        var compliance = await Refusal.Expect(StatusCode.InvalidArgument, () => _practitioner.Concerns.RaiseConcernAsync(new RaiseConcernRequest { Concern = new Concern { Type = ConcernType.StandardsCompliance, Description = "x" } }));
        Assert.Equal("Policy 1.7, MOU 2.1.4", compliance.Clause);
        Assert.Contains(compliance.Fields, f => f.Field == "concern.centre");
        Assert.Equal(0, (await _nct.Concerns.ListConcernsAsync(new ListConcernsRequest())).TotalSize);
    }

    [Fact]
    public async Task Invalid_concerns_are_refused_with_field_details_and_nothing_is_stored()
    {
        var noCentre = await Refusal.Expect(StatusCode.InvalidArgument, () => _practitioner.Concerns.RaiseConcernAsync(new RaiseConcernRequest { Concern = new Concern { Type = ConcernType.StandardsCompliance, Description = "x" } }));
        Assert.Contains(noCentre.Fields, f => f.Field == "concern.centre");
        var noOrg = await Refusal.Expect(StatusCode.InvalidArgument, () => _practitioner.Concerns.RaiseConcernAsync(new RaiseConcernRequest { Concern = new Concern { Type = ConcernType.UnaccreditedOrganisation, Description = "x" } }));
        Assert.Contains(noOrg.Fields, f => f.Field == "concern.organisation.name");
        Assert.Contains(noOrg.Fields, f => f.Field == "concern.organisation.address");
        await Refusal.Expect(StatusCode.NotFound, () => _practitioner.Concerns.RaiseConcernAsync(new RaiseConcernRequest { Concern = AboutCentre("centres/nosuchcentre", ConcernType.Quality) }));
        Assert.Equal(0, (await _nct.Concerns.ListConcernsAsync(new ListConcernsRequest())).TotalSize);
    }

    [Fact]
    public async Task NCT_watches_every_change_in_order_and_resumes_from_the_last_sequence()
    {
        var raised = await _practitioner.Concerns.RaiseConcernAsync(new RaiseConcernRequest { Concern = AboutCentre(_centre, ConcernType.Quality) });
        await Act(raised, ConcernAction.StartReview);

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var watch = _nct.Concerns.WatchConcerns(new WatchConcernsRequest(), cancellationToken: cts.Token);
        var seen = new List<WatchConcernsResponse>();
        while (seen.Count < 2 && await watch.ResponseStream.MoveNext(cts.Token)) seen.Add(watch.ResponseStream.Current);
        Assert.Equal([ConcernStatus.Raised, ConcernStatus.UnderReview], seen.Select(s => s.Concern.Status));

        var live = await _practitioner.Concerns.RaiseConcernAsync(new RaiseConcernRequest { Concern = Unaccredited() });
        Assert.True(await watch.ResponseStream.MoveNext(cts.Token));
        Assert.Equal(live.Name, watch.ResponseStream.Current.Concern.Name);
        Assert.True(watch.ResponseStream.Current.Sequence > seen[^1].Sequence);

        using var resumed = _nct.Concerns.WatchConcerns(new WatchConcernsRequest { AfterSequence = seen[0].Sequence }, cancellationToken: cts.Token);
        Assert.True(await resumed.ResponseStream.MoveNext(cts.Token));
        Assert.Equal(seen[1].Sequence, resumed.ResponseStream.Current.Sequence);
        Assert.True(await resumed.ResponseStream.MoveNext(cts.Token));
        Assert.Equal(live.Name, resumed.ResponseStream.Current.Concern.Name);

        await Refusal.Expect(StatusCode.PermissionDenied, async () =>
        {
            using var denied = _practitioner.Concerns.WatchConcerns(new WatchConcernsRequest(), cancellationToken: cts.Token);
            await denied.ResponseStream.MoveNext(cts.Token);
        });
    }

    [Fact]
    public async Task A_stale_etag_is_aborted()
    {
        var raised = await _practitioner.Concerns.RaiseConcernAsync(new RaiseConcernRequest { Concern = AboutCentre(_centre, ConcernType.Quality) });
        await Act(raised, ConcernAction.StartReview);
        await Refusal.Expect(StatusCode.Aborted, () => _nct.Concerns.RecordConcernActionAsync(new RecordConcernActionRequest { Concern = raised.Name, Action = ConcernAction.AddNote, Note = "x", Etag = raised.Etag }));
    }
}
