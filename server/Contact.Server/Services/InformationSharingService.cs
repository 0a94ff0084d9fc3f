using Contact.Server.Domain.Cases;
using Contact.Server.Domain.Common;
using Contact.Server.Domain.InformationSharing;
using Contact.Server.Security;
using Contact.Server.Storage;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using V1 = Contact.V1;

namespace Contact.Server.Services;

/// <summary>
/// The Safe Referral System channel (policy 1.8, Annex 1; MOU 2.3.2–2.3.5). Object-level checks sit
/// on top of the role table: NACCC sees only the requests it sent and only what was disclosed to it;
/// an FCA sees and answers only requests about cases allocated to them.
/// </summary>
public sealed class InformationSharingService(SharingRepository repository, CaseRepository cases, CallCentreHours hours, TimeProvider time)
    : V1.InformationSharingService.InformationSharingServiceBase
{

    public override async Task<V1.SharingRequest> SubmitSharingRequest(V1.SubmitSharingRequestRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var v = new Validation();
        var r = new SharingRequest
        {
            SrsReference = request.SrsReference.Trim(),
            FamilyName = request.FamilyName.Trim(),
            ParentWishingContact = request.ParentWishingContact.Trim(),
            PartiesConsentedToChecks = request.PartiesConsentedToChecks,
            NamedFca = request.NamedFca is { } f && (f.DisplayName.Length + f.Email.Length + f.Phone.Length) > 0
                ? new FcaContact(f.DisplayName.Trim(), ProtoMapping.Blank(f.Email), ProtoMapping.Blank(f.Phone)) : null,
            SubmittedBy = caller.Principal.ResourceName,
            SubmittedByName = caller.Principal.DisplayName,
            Children = request.Children.Select((c, i) => new RequestChild(c.GivenNames.Trim(),
                string.IsNullOrWhiteSpace(c.FamilyName) ? request.FamilyName.Trim() : c.FamilyName.Trim(),
                c.DateOfBirth.ToDomain($"children[{i}].date_of_birth", v) ?? default,
                c.AddressLines.Select(l => l.Trim()).ToList(), ProtoMapping.Blank(c.Postcode))).ToList(),
        };
        if (request.PartiesConsentedToChecks) v.ThrowIfInvalid();
        SharingRules.ValidateSubmission(r, UkClock.Today(time));
        var stored = await repository.SubmitAsync(r, caller.Audit);
        return stored.ToProto(cafcassView: false, time.GetUtcNow());
    }

    public override Task<V1.SharingRequest> GetSharingRequest(V1.GetSharingRequestRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var r = Visible(RequestId(request.Name, "name"), caller);
        return Task.FromResult(View(r, caller));
    }

    public override Task<V1.ListSharingRequestsResponse> ListSharingRequests(V1.ListSharingRequestsRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var v = new Validation();
        var pageSize = v.PageSize(request.PageSize);
        var state = request.State.ToDomain("state", v);
        var after = PageToken.Decode(request.PageToken, v);
        v.ThrowIfInvalid();
        var scope = SharingAccess.ScopeOf(caller.Principal);
        var all = repository.List(scope.SubmittedBy, scope.FcaId);
        var now = time.GetUtcNow();
        var matching = all.Where(r => (state == SharingState.Unspecified || r.State == state)
            && (!request.OverdueOnly || r.IsOverdue(now))).ToList();
        // Newest first, so an id cannot be placed by its key: a token naming no listed request is refused.
        var (page, next) = PageToken.Page(matching, r => r.Id, after, pageSize, orderedByKey: false);
        var response = new V1.ListSharingRequestsResponse { TotalSize = matching.Count, NextPageToken = next };
        foreach (var r in page)
        {
            response.SharingRequests.Add(View(r, caller));
            Touch(caller, r);
        }
        return Task.FromResult(response);
    }

    public override async Task<V1.LookUpCaseResponse> LookUpCase(V1.LookUpCaseRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var (r, candidates) = await repository.LookUpAsync(RequestId(request.Name, "name"), caller.Principal, caller.Audit);
        var response = new V1.LookUpCaseResponse { SharingRequest = r.ToProto(cafcassView: true, time.GetUtcNow()) };
        response.Candidates.AddRange(candidates.Select(c => new V1.CaseCandidate
        {
            Case = c.ResourceName, CaseNumber = c.CaseNumber, Status = c.Status.ToProto(),
            Children = { c.Children.Select(ch => ch.ToProto()) },
        }));
        return response;
    }

    public override async Task<V1.SharingRequest> ResolveCaseMatch(V1.ResolveCaseMatchRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var id = RequestId(request.Name, "name");
        var v = new Validation().RequireText(request.Note, "note", 1000)
            .Require(request.NoMatch != (request.Case.Length > 0), "case", "choose a case, or set no_match (not both)");
        var caseId = request.Case.Length > 0 ? CaseNames.CaseId(request.Case) : null;
        v.Require(request.Case.Length == 0 || caseId is not null, "case", "must be \"cases/{case}\"").ThrowIfInvalid();
        var r = await repository.ResolveAsync(id, caseId, request.Note.Trim(), caller.Principal, caller.Audit);
        return r.ToProto(cafcassView: true, time.GetUtcNow());
    }

    public override async Task<V1.SharingRequest> AnswerSharingRequest(V1.AnswerSharingRequestRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var id = RequestId(request.Name, "name");
        var v = new Validation();
        var currentRisk = request.CurrentRisk.ToDomain("current_risk", v);
        var historicRisk = request.HistoricRisk.ToDomain("historic_risk", v);
        var courtPermission = request.CourtPermission.ToDomain("court_permission", v);
        v.OptionalText(request.CourtPermissionReference, "court_permission_reference", 120)
            .OptionalText(request.ConfirmationReason, "confirmation_reason", 1000)
            .Require(request.FurtherInformation.Count <= CaseRules.MaxStatements, "further_information", $"at most {CaseRules.MaxStatements} statements");
        foreach (var s in request.FurtherInformation) v.OptionalText(s, "further_information", 1000);
        v.ThrowIfInvalid();
        var r = caller.Principal.FcaId is null ? null : repository.Get(id);
        if (r is null) throw RuleViolation.NotFound(request.Name);
        var c = r.CaseId is null ? null : cases.Get(r.CaseId);
        // The one completing the form is the allocated FCA, by the case index's own record of them.
        var completedBy = c is not null && CaseAccess.IsAllocatedTo(caller.Principal, c) && c.Fca is { } allocated
            ? new FcaContact(allocated.DisplayName, allocated.Email, allocated.Phone)
            : throw RuleViolation.NotFound(request.Name);
        var input = new AnswerInput(currentRisk, historicRisk, courtPermission,
            ProtoMapping.Blank(request.CourtPermissionReference), request.FurtherInformation.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToList(),
            request.ConfirmNoRiskDespiteFlag, ProtoMapping.Blank(request.ConfirmationReason));
        var answered = await repository.AnswerAsync(id, caller.Principal, input, completedBy, caller.Audit);
        return answered.ToProto(cafcassView: true, time.GetUtcNow());
    }

    public override async Task WatchSharingRequests(V1.WatchSharingRequestsRequest request, IServerStreamWriter<V1.WatchSharingRequestsResponse> responseStream, ServerCallContext context)
    {
        ChangeStream.RequireStart(request.AfterSequence, request.LiveOnly).ThrowIfInvalid();
        var caller = context.Caller();
        // The same requests, in the same view, as the caller's ListSharingRequests.
        var scope = SharingAccess.ScopeOf(caller.Principal);
        await ChangeStream.FollowAsync(repository.SubscribeRequests(context.CancellationToken), request.AfterSequence, request.LiveOnly,
            (after, max) => repository.ChangedAfter(scope.SubmittedBy, scope.FcaId, after, max), r => r.Sequence, r => SharingAccess.MaySee(caller.Principal, r),
            r =>
            {
                Touch(caller, r);
                return responseStream.WriteAsync(new V1.WatchSharingRequestsResponse { SharingRequest = View(r, caller) });
            }, context);
    }

    public override async Task WatchFcaWorklist(V1.WatchFcaWorklistRequest request, IServerStreamWriter<V1.WatchFcaWorklistResponse> responseStream, ServerCallContext context)
    {
        ChangeStream.RequireStart(request.AfterSequence, request.LiveOnly).ThrowIfInvalid();
        var caller = context.Caller();
        var fcaId = caller.Principal.FcaId
            ?? throw new RuleViolation(RefusalKind.PermissionDenied, Reasons.PermissionDenied, "The caller's key is not tied to an FCA.");
        await ChangeStream.FollowAsync(repository.SubscribeNotifications(context.CancellationToken), request.AfterSequence, request.LiveOnly,
            (after, max) => repository.NotificationsAfter(fcaId, after, max), n => n.Sequence, n => n.FcaId == fcaId,
            n =>
            {
                caller.Audit.Touch(CaseNames.Request(n.RequestId)).Case(n.CaseNumber);
                return responseStream.WriteAsync(new V1.WatchFcaWorklistResponse { Notification = n.ToProto() });
            }, context);
    }

    public override Task<V1.DisclosureStatement> GetDisclosureStatement(V1.GetDisclosureStatementRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var id = CaseService.CaseId(request.Case, "case");
        var c = CaseAccess.DisclosuresReadable(caller.Principal, cases.Get(id), request.Case);
        caller.Audit.Touch(c.ResourceName).Case(c.CaseNumber);
        var statement = new V1.DisclosureStatement { Case = c.ResourceName, CaseNumber = c.CaseNumber, GenerateTime = Timestamp.FromDateTimeOffset(time.GetUtcNow()) };
        statement.Disclosures.AddRange(repository.DisclosuresOf(id).Select(d => new V1.Disclosure
        {
            SharingRequest = CaseNames.Request(d.RequestId),
            DiscloseTime = Timestamp.FromDateTimeOffset(d.Time),
            SharedWith = d.SharedWith,
            SharedBy = d.SharedBy,
            Items = { d.Items },
        }));
        return Task.FromResult(statement);
    }

    public override Task<V1.GetCallCentreStatusResponse> GetCallCentreStatus(V1.GetCallCentreStatusRequest request, ServerCallContext context)
    {
        var now = time.GetUtcNow();
        var response = new V1.GetCallCentreStatusResponse
        {
            OpenNow = hours.IsOpen(now),
            NextOpenTime = Timestamp.FromDateTimeOffset(hours.NextOpening(now)),
            Hours = "Monday to Thursday 09:00-17:00, Friday 09:00-16:30, UK time, closed on England and Wales bank holidays (MOU 2.3.2)",
        };
        if (hours.ClosesAt(now) is { } closes) response.ClosesTime = Timestamp.FromDateTimeOffset(closes);
        return Task.FromResult(response);
    }

    /// <summary>The request if the caller may see it; otherwise NOT_FOUND, so that nobody learns it exists.</summary>
    private SharingRequest Visible(string id, Caller caller)
    {
        var r = repository.Get(id);
        if (r is null || !SharingAccess.MaySee(caller.Principal, r)) throw RuleViolation.NotFound(CaseNames.Request(id));
        Touch(caller, r);
        return r;
    }

    private static void Touch(Caller caller, SharingRequest r)
    {
        caller.Audit.Touch(r.ResourceName);
        if (r.CaseNumber is not null && SharingAccess.SeesCafcassSide(caller.Principal)) caller.Audit.Case(r.CaseNumber);
    }

    private V1.SharingRequest View(SharingRequest r, Caller caller) => r.ToProto(SharingAccess.SeesCafcassSide(caller.Principal), time.GetUtcNow());

    private static string RequestId(string name, string field) =>
        CaseNames.RequestId(name) ?? throw RuleViolation.Invalid(field, "must be \"sharingRequests/{sharing_request}\"");

}
