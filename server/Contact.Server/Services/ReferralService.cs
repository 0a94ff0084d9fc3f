using Contact.Server.Domain.Common;
using Contact.Server.Domain.Referrals;
using Contact.Server.Domain.Register;
using Contact.Server.Security;
using Contact.Server.Storage;
using Google.Protobuf;
using Grpc.Core;
using V1 = Contact.V1;

namespace Contact.Server.Services;

/// <summary>
/// Referrals over gRPC: validates and maps, checks whose referral it is, and hands over to the
/// rules and the store. Every referral read is audited with its case number (SensitiveRead).
/// </summary>
public sealed class ReferralService(ReferralRepository repository, FieldProtector protector, TimeProvider time)
    : V1.ReferralService.ReferralServiceBase
{
    private DateOnly Today => UkClock.Today(time);

    public override async Task<V1.Referral> SubmitReferral(V1.SubmitReferralRequest request, ServerCallContext context)
    {
        if (request.Referral is null) throw RuleViolation.Invalid("referral", "is required");
        var caller = context.Caller();
        var v = new Validation();
        var referral = request.Referral.ToDomain(v);
        v.Require(Guid.TryParse(request.Referral.RequestId, out var requestId), "referral.request_id", "is required: a UUID the client generates once per referral");
        ReferralRules.Validate(referral, Today, v);
        v.ThrowIfInvalid();

        referral.FcaId = caller.Principal.FcaId
            ?? throw new RuleViolation(RefusalKind.PermissionDenied, Reasons.PermissionDenied, "Only a practitioner key tied to an FCA identity may submit referrals.");
        referral.RequestId = requestId.ToString("D");
        // Refusals are audited too: searchable by case.
        caller.Audit.Case(referral.CaseNumber);
        var submitted = await repository.SubmitAsync(referral, Fingerprint(request.Referral), Actor(caller, Role.Practitioner), caller.Audit);
        return submitted.Referral.ToProto();
    }

    public override Task<V1.Referral> GetReferral(V1.GetReferralRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var id = ReferralId(request.Name, "name");
        var document = repository.Find(id);
        ReferralAccess.Check(caller.Principal, document?.Referral, ReferralNames.Of(id));
        caller.Audit.Touch(document!.Referral.ResourceName).Case(document.Referral.CaseNumber);
        return Task.FromResult(repository.Open(document).ToProto());
    }

    public override Task<V1.ListReferralsResponse> ListReferrals(V1.ListReferralsRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var v = new Validation();
        var size = v.PageSize(request.PageSize);
        var after = PageToken.Decode(request.PageToken, v);
        var status = request.Status.ToDomain("status", v);
        var type = request.ContactType.ToDomain("contact_type", v);
        var centreId = Names.OptionalCentreId(request.Centre, "centre", v);
        v.ThrowIfInvalid();

        bool Matches(Referral r) =>
            (status == ReferralStatus.Unspecified || r.Status == status)
            && (centreId is null || r.CentreId == centreId)
            && (type == ContactKind.Unspecified || r.ContactType == type)
            && (!request.Flagged || r.Flags.Count > 0);

        var matching = repository.List(ReferralAccess.ScopeOf(caller.Principal)).Where(d => Matches(d.Referral)).ToList();
        // The repository lists oldest submission first, then by id: the order of SortKey.
        var (page, next) = PageToken.Page(matching, d => SortKey(d.Referral), after, size, orderedByKey: true);
        var response = new V1.ListReferralsResponse { TotalSize = matching.Count, NextPageToken = next };
        foreach (var document in page)
        {
            caller.Audit.Touch(document.Referral.ResourceName).Case(document.Referral.CaseNumber);
            response.Referrals.Add(repository.Open(document).ToProto());
        }
        return Task.FromResult(response);
    }

    public override Task<V1.Referral> AcceptReferral(V1.AcceptReferralRequest request, ServerCallContext context) =>
        ActAsync(request.Name, ReferralAction.Accept, new(request.Note), context);

    public override Task<V1.Referral> DeclineReferral(V1.DeclineReferralRequest request, ServerCallContext context)
    {
        var v = new Validation();
        var reason = request.Reason.ToDomain("reason", v);
        v.ThrowIfInvalid();
        return ActAsync(request.Name, ReferralAction.Decline, new(request.Note, reason), context);
    }

    public override Task<V1.Referral> WaitlistReferral(V1.WaitlistReferralRequest request, ServerCallContext context)
    {
        var v = new Validation();
        var start = request.ExpectedStartDate.ToDomain("expected_start_date", v);
        v.ThrowIfInvalid();
        return ActAsync(request.Name, ReferralAction.Waitlist, new(request.Note, ExpectedStart: start), context);
    }

    public override Task<V1.Referral> StartReferral(V1.StartReferralRequest request, ServerCallContext context) =>
        ActAsync(request.Name, ReferralAction.Start, new(request.Note), context);

    public override Task<V1.Referral> CompleteReferral(V1.CompleteReferralRequest request, ServerCallContext context) =>
        ActAsync(request.Name, ReferralAction.Complete, new(request.Note), context);

    public override Task<V1.Referral> WithdrawReferral(V1.WithdrawReferralRequest request, ServerCallContext context) =>
        ActAsync(request.Name, ReferralAction.Withdraw, new(request.Reason), context);

    public override Task<V1.Referral> CancelReferral(V1.CancelReferralRequest request, ServerCallContext context) =>
        ActAsync(request.Name, ReferralAction.Cancel, new(request.Reason), context);

    public override async Task WatchReferrals(V1.WatchReferralsRequest request, IServerStreamWriter<V1.WatchReferralsResponse> responseStream, ServerCallContext context)
    {
        var caller = context.Caller();
        var v = ChangeStream.RequireStart(request.AfterSequence, request.LiveOnly);
        var centreId = Names.OptionalCentreId(request.Centre, "centre", v);
        v.ThrowIfInvalid();
        var scope = ReferralAccess.ScopeOf(caller.Principal);
        bool Wanted(ReferralEvent e) => scope.Includes(e.Snapshot.Referral) && (centreId is null || e.CentreId == centreId);

        async Task SendAsync(ReferralEvent e)
        {
            var referral = e.Snapshot.Referral;
            caller.Audit.Touch(referral.ResourceName).Case(referral.CaseNumber);
            await responseStream.WriteAsync(new V1.WatchReferralsResponse
            {
                Sequence = e.Sequence,
                ChangeType = e.Type.ToProto(),
                Referral = repository.Open(e.Snapshot).ToProto(),
            });
        }

        await ChangeStream.FollowAsync(repository.Subscribe(context.CancellationToken), request.AfterSequence, request.LiveOnly,
            (after, max) => repository.ChangesAfter(after, scope, max), e => e.Sequence, Wanted, SendAsync, context);
    }

    private async Task<V1.Referral> ActAsync(string name, ReferralAction action, ReferralRules.Details details, ServerCallContext context)
    {
        var caller = context.Caller();
        var id = ReferralId(name, "name");
        ReferralRules.ValidateDetails(action, details, Today);
        var p = caller.Principal;
        var (role, mayAct) = ReferralAccess.ActingAs(p, action);
        var referral = await repository.ActAsync(id, p, mayAct, action, details, Actor(caller, role), caller.Audit);
        return referral.ToProto();
    }

    /// <summary>
    /// A keyed digest of the submitted fields (output-only ones cleared), so a retry can be told from
    /// a different referral reusing the request id without storing the body in the clear.
    /// </summary>
    private string Fingerprint(V1.Referral submitted)
    {
        var body = submitted.Clone();
        body.Name = body.CentreDisplayName = body.FcaId = "";
        body.Status = V1.ReferralStatus.Unspecified;
        body.DeclineReason = V1.DeclineReason.Unspecified;
        body.ExpectedStartDate = null;
        body.History.Clear();
        body.Flags.Clear();
        body.CreateTime = body.UpdateTime = null;
        body.Sequence = 0;
        return protector.BlindIndex(Convert.ToBase64String(body.ToByteArray()));
    }

    private static Actor Actor(Caller caller, Role role) => new(caller.Principal.DisplayName, role.ToNumber());

    private static string SortKey(Referral r) => $"{r.Created.UtcTicks:D19}.{r.Id}";

    private static string ReferralId(string name, string field) =>
        ReferralNames.IdOf(name) ?? throw RuleViolation.Invalid(field, "must be \"referrals/{referral}\"");
}
