using Contact.Server.Domain.Cases;
using Contact.Server.Domain.Common;
using Contact.Server.Domain.InformationSharing;
using Contact.Server.Domain.Register;
using Contact.Server.Security;
using LiteDB;

namespace Contact.Server.Storage;

/// <summary>
/// The Safe Referral System's requests, the disclosures recorded on cases (MOU 2.3.5) and the
/// notifications to FCAs. Every step is one transaction: the request's new state, the disclosure
/// on the case, the FCA's notification and the audit entry are stored together or not at all;
/// once durable, NACCC's and the FCA's streams are told.
/// </summary>
public sealed class SharingRepository(
    ContactStore store, Sealer sealer, CaseRepository cases, AuditTrail trail, TimeProvider time,
    CallCentreHours hours, ChangeFeed<SharingRequest> requestFeed, ChangeFeed<FcaNotification> notificationFeed, RetentionSchedule retention)
{
    public const string RequestsName = "sharing_requests";
    public const string RetentionKind = "sharing-requests";

    private static ILiteCollection<SharingRequestDocument> Requests(Collections s) => s.Collection<SharingRequestDocument>(RequestsName);
    private static ILiteCollection<DisclosureDocument> Disclosures(Collections s) => s.Collection<DisclosureDocument>("disclosures");
    private static ILiteCollection<FcaNotification> Notifications(Collections s) => s.Collection<FcaNotification>("fca_notifications");

    internal static void EnsureIndexes(Collections scope)
    {
        Requests(scope).EnsureIndex(x => x.SubmittedBy);
        Requests(scope).EnsureIndex(x => x.FcaId);
        Requests(scope).EnsureIndex(x => x.Sequence);
        Requests(scope).EnsureIndex(x => x.CaseId);
        Disclosures(scope).EnsureIndex(x => x.CaseId);
        Disclosures(scope).EnsureIndex(x => x.Sequence);
        Notifications(scope).EnsureIndex(x => x.FcaId);
    }

    public SharingRequest? Get(string id) => store.Read(s => Requests(s).FindById(id) is { } d ? sealer.Open<SharingRequest>(d.Sealed) : null);

    /// <summary>Requests sent by a NACCC credential, routed to an FCA, or all; newest first.</summary>
    public List<SharingRequest> List(string? submittedBy, string? fcaId) =>
        store.Read(s =>
        {
            var docs = submittedBy is not null ? Requests(s).Find(x => x.SubmittedBy == submittedBy)
                : fcaId is not null ? Requests(s).Find(x => x.FcaId == fcaId)
                : Requests(s).FindAll();
            return docs.OrderByDescending(d => d.Received).ThenBy(d => d.Id).Select(d => sealer.Open<SharingRequest>(d.Sealed)).ToList();
        });

    /// <summary>
    /// Requests changed after <paramref name="sequence"/>, oldest change first: those sent by a NACCC
    /// credential, routed to an FCA, or (with neither) all, as <see cref="List"/>.
    /// </summary>
    public List<SharingRequest> ChangedAfter(string? submittedBy, string? fcaId, long sequence, int max) =>
        store.Read(s =>
        {
            var docs = submittedBy is not null ? Requests(s).Find(x => x.SubmittedBy == submittedBy && x.Sequence > sequence)
                : fcaId is not null ? Requests(s).Find(x => x.FcaId == fcaId && x.Sequence > sequence)
                : Requests(s).Find(x => x.Sequence > sequence);
            return docs.OrderBy(d => d.Sequence).Take(max).Select(d => sealer.Open<SharingRequest>(d.Sealed)).ToList();
        });

    public List<FcaNotification> NotificationsAfter(string fcaId, long sequence, int max) =>
        store.Read(s => Notifications(s).Find(x => x.FcaId == fcaId && x.Sequence > sequence).OrderBy(n => n.Sequence).Take(max).ToList());

    public List<DisclosureRecord> DisclosuresOf(string caseId) =>
        store.Read(s => Disclosures(s).Find(x => x.CaseId == caseId).OrderBy(d => d.Sequence)
            .Select(d => sealer.Open<DisclosureRecord>(d.Sealed)).ToList());

    public System.Threading.Channels.ChannelReader<SharingRequest> SubscribeRequests(CancellationToken stop) => requestFeed.Subscribe(stop);
    public System.Threading.Channels.ChannelReader<FcaNotification> SubscribeNotifications(CancellationToken stop) => notificationFeed.Subscribe(stop);

    public Task<SharingRequest> SubmitAsync(SharingRequest r, CallAudit audit) =>
        store.WriteAsync(scope =>
        {
            var now = time.GetUtcNow();
            r.Id = Names.NewId();
            r.Received = now;
            r.Due = hours.AddWorkingTime(now, SharingRules.CallCentreAllowance);
            r.State = SharingState.AwaitingCallCentre;
            Save(scope, r, insert: true);
            trail.RecordIn(scope, audit.Touch(r.ResourceName));
            return r;
        });

    /// <summary>The call centre's look-up (MOU 2.3.2–2.3.4). Returns the request and, when held, the candidate cases.</summary>
    public Task<(SharingRequest Request, List<CaseRecord> Candidates)> LookUpAsync(string id, Principal by, CallAudit audit) =>
        store.WriteAsync(scope =>
        {
            var r = Load(scope, id);
            if (r.State != SharingState.AwaitingCallCentre)
                throw new RuleViolation(RefusalKind.FailedPrecondition, Reasons.FailedPrecondition, $"{r.ResourceName} has already been looked up (it is {r.State}).");
            var candidates = cases.Candidates(scope, r.Children.Select(c => c.Identity));
            var result = SharingRules.LookUp(r.Children.Select(c => c.Identity).ToList(), candidates);
            r.LookedUpBy = by.DisplayName;
            List<CaseRecord> held = [];
            switch (result)
            {
                case LookUpResult.Doubtful doubtful:
                    r.State = SharingState.HeldForReview;
                    r.CandidateCaseIds = [.. doubtful.CaseIds];
                    r.MatchNote = doubtful.Why;
                    held = doubtful.CaseIds.Select(cid => candidates.First(c => c.Id == cid)).ToList();
                    foreach (var c in held) audit.Case(c.CaseNumber);
                    break;
                default:
                    Settle(scope, r, result, candidates, by, audit, note: "Matched automatically.");
                    break;
            }
            Save(scope, r);
            trail.RecordIn(scope, audit.Touch(r.ResourceName));
            return (r, held);
        });

    /// <summary>A person at the call centre settles a held request by choosing a candidate, or none.</summary>
    public Task<SharingRequest> ResolveAsync(string id, string? caseId, string note, Principal by, CallAudit audit) =>
        store.WriteAsync(scope =>
        {
            var r = Load(scope, id);
            if (r.State != SharingState.HeldForReview)
                throw new RuleViolation(RefusalKind.FailedPrecondition, Reasons.FailedPrecondition, $"{r.ResourceName} is not held for review (it is {r.State}).");
            if (caseId is not null && !r.CandidateCaseIds.Contains(caseId))
                throw RuleViolation.Invalid("case", "must be one of the candidates the look-up found");
            var chosen = caseId is null ? null : cases.Load(scope, caseId) ?? throw RuleViolation.NotFound(CaseNames.Case(caseId));
            LookUpResult result = chosen is null ? new LookUpResult.NotKnown()
                : chosen.IsOpen ? new LookUpResult.Open(chosen.Id, [])
                : new LookUpResult.NotOpen([chosen.Id]);
            r.LookedUpBy = by.DisplayName;
            Settle(scope, r, result, chosen is null ? [] : [chosen], by, audit, note: $"Resolved by {by.DisplayName}: {note}");
            Save(scope, r);
            trail.RecordIn(scope, audit.Touch(r.ResourceName));
            return r;
        });

    /// <summary>The allocated FCA's answer (MOU 2.3.4; policy 1.8), with its disclosure recorded on the case (2.3.5).</summary>
    public Task<SharingRequest> AnswerAsync(string id, Principal fca, AnswerInput input, FcaContact completedBy, CallAudit audit) =>
        store.WriteAsync(scope =>
        {
            var r = Load(scope, id);
            var c = r.CaseId is null ? null : cases.Load(scope, r.CaseId);
            if (c is null || c.Fca?.FcaId != fca.FcaId)
                throw new RuleViolation(RefusalKind.PermissionDenied, Reasons.PermissionDenied, "Only the FCA allocated to the case may answer this request.");
            if (r.State != SharingState.WithFca)
                throw new RuleViolation(RefusalKind.FailedPrecondition, Reasons.FailedPrecondition, $"{r.ResourceName} is not waiting for the FCA (it is {r.State}).");
            var now = time.GetUtcNow();
            var answer = SharingRules.Answer(c, input, completedBy, now);
            r.Answer = answer;
            r.State = SharingState.Answered;
            r.Due = null;
            r.NoRiskConfirmationReason = SharingRules.NeededConfirmation(c, answer) ? input.ConfirmationReason!.Trim() : null;
            Disclose(scope, r, c, fca, SharingRules.AnswerItems(answer));
            Save(scope, r);
            trail.RecordIn(scope, audit.Touch(r.ResourceName).Touch(c.ResourceName).Case(c.CaseNumber));
            return r;
        });

    private void Settle(WriteScope scope, SharingRequest r, LookUpResult result, List<CaseRecord> candidates, Principal by, CallAudit audit, string note)
    {
        var now = time.GetUtcNow();
        CaseRecord Case(string cid) => candidates.First(c => c.Id == cid);
        r.MatchNote = note;
        r.CallCentreAnswered = now;
        switch (result)
        {
            case LookUpResult.NotKnown:
                r.State = SharingState.NotOpen;
                r.OpenInPast = YesNo.No;
                r.Due = null;
                break;
            case LookUpResult.NotOpen notOpen:
                r.State = SharingState.NotOpen;
                r.OpenInPast = YesNo.Yes;
                r.Due = null;
                var first = Case(notOpen.CaseIds[0]);
                (r.CaseId, r.CaseNumber) = (first.Id, first.CaseNumber);
                foreach (var c in notOpen.CaseIds.Select(Case))
                {
                    Disclose(scope, r, c, by, SharingRules.NotOpenItems(YesNo.Yes));
                    Notify(scope, c, r, FcaNotificationKind.CaseQueried, audit);
                }
                break;
            case LookUpResult.Open open:
                var routed = Case(open.CaseId);
                r.State = SharingState.WithFca;
                (r.CaseId, r.CaseNumber, r.FcaId) = (routed.Id, routed.CaseNumber, routed.Fca!.FcaId);
                r.FcaContact = new FcaContact(routed.Fca.DisplayName, routed.Fca.Email, routed.Fca.Phone);
                r.Due = hours.AddWorkingTime(now, SharingRules.FcaAllowance);
                Disclose(scope, r, routed, by, SharingRules.RoutedItems(routed.Fca));
                Notify(scope, routed, r, FcaNotificationKind.RequestRouted, audit);
                // Closed cases of the same children were queried too: their FCAs hear of it, NACCC does not.
                foreach (var c in open.AlsoMatched.Select(Case)) Notify(scope, c, r, FcaNotificationKind.CaseQueried, audit);
                break;
            default:
                throw new InvalidOperationException("A doubtful match cannot be settled automatically.");
        }
    }

    private void Disclose(WriteScope scope, SharingRequest r, CaseRecord c, Principal by, List<string> items)
    {
        var record = new DisclosureRecord
        {
            Id = Names.NewId(),
            CaseId = c.Id,
            RequestId = r.Id,
            Time = time.GetUtcNow(),
            SharedWith = $"NACCC Safe Referral System ({r.SubmittedByName}), SRS reference {r.SrsReference}",
            SharedBy = $"{by.DisplayName} ({string.Join(", ", by.Roles.Order())})",
            Items = items,
        };
        var last = Disclosures(scope).Query().OrderByDescending(d => d.Sequence).Limit(1).FirstOrDefault();
        Disclosures(scope).Insert(new DisclosureDocument { Id = record.Id, CaseId = c.Id, Sequence = (last?.Sequence ?? 0) + 1, Sealed = sealer.Seal(record) });
    }

    private void Notify(WriteScope scope, CaseRecord c, SharingRequest r, FcaNotificationKind kind, CallAudit audit)
    {
        audit.Touch(c.ResourceName).Case(c.CaseNumber);
        if (c.Fca is null) return;
        var last = Notifications(scope).Query().OrderByDescending(n => n.Sequence).Limit(1).FirstOrDefault();
        var notification = new FcaNotification
        {
            Sequence = (last?.Sequence ?? 0) + 1,
            FcaId = c.Fca.FcaId,
            Kind = kind,
            CaseId = c.Id,
            CaseNumber = c.CaseNumber,
            RequestId = r.Id,
            Time = time.GetUtcNow(),
        };
        Notifications(scope).Insert(notification);
        scope.OnCommitted(() => notificationFeed.Publish(notification));
    }

    /// <summary>Retention: deletes the requests matched to a case, its disclosures and its FCAs' notifications.</summary>
    internal static void DeleteOfCase(Collections scope, string caseId)
    {
        Requests(scope).DeleteMany(x => x.CaseId == caseId);
        Disclosures(scope).DeleteMany(x => x.CaseId == caseId);
        Notifications(scope).DeleteMany(x => x.CaseId == caseId);
    }

    private SharingRequest Load(Collections scope, string id) =>
        Requests(scope).FindById(id) is { } d ? sealer.Open<SharingRequest>(d.Sealed) : throw RuleViolation.NotFound(CaseNames.Request(id));

    private void Save(WriteScope scope, SharingRequest r, bool insert = false)
    {
        var last = Requests(scope).Query().OrderByDescending(x => x.Sequence).Limit(1).FirstOrDefault();
        r.Sequence = (last?.Sequence ?? 0) + 1;
        var doc = new SharingRequestDocument
        {
            Id = r.Id, SubmittedBy = r.SubmittedBy, FcaId = r.FcaId, State = (int)r.State,
            Sequence = r.Sequence, Received = r.Received, Sealed = sealer.Seal(r), CaseId = r.CaseId,
            RetainUntil = r.IsFinished && r.CaseId is null ? retention.RetainUntil(RetentionKind, time.GetUtcNow()) : null,
        };
        if (insert) Requests(scope).Insert(doc); else Requests(scope).Update(doc);
        // Nothing changes r after Save (callers only read it to answer), so the plaintext is what was sealed.
        scope.OnCommitted(() => requestFeed.Publish(r));
    }
}
