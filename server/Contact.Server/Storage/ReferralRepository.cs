using System.Globalization;
using Contact.Server.Domain.Common;
using Contact.Server.Domain.Referrals;
using Contact.Server.Domain.Register;
using Contact.Server.Security;
using LiteDB;

namespace Contact.Server.Storage;

/// <summary>
/// Stores referrals. Every change runs on the store's writer thread in one transaction with its
/// change-log entry and its audit entry; once durable it is published to <c>WatchReferrals</c>.
/// Submission checks the request id, the rules and inserts in that one transaction, so concurrent
/// retries of one submission store it once.
/// </summary>
public sealed class ReferralRepository(
    ContactStore store, RegisterIndex register, ChangeFeed<ReferralEvent> feed, FieldProtector protector, AuditTrail trail, TimeProvider time,
    RetentionSchedule retention)
{
    public const string Collection = "referrals";
    public const string EventCollection = "referral_events";
    public const string RetentionKind = "referrals";
    private const string FlagCursorSetting = "referrals.accreditation-cursor";

    public sealed record Submission(Referral Referral, bool Replayed);

    /// <summary>
    /// Submits <paramref name="referral"/> (already validated, with its FCA identity and request id),
    /// or returns the referral an earlier submission with the same request id stored. The same
    /// request id with a different body is ALREADY_EXISTS.
    /// </summary>
    public Task<Submission> SubmitAsync(Referral referral, string fingerprint, Actor actor, CallAudit audit) =>
        store.WriteAsync(scope =>
        {
            var key = RequestKey(referral.FcaId, referral.RequestId);
            if (Referrals(scope).FindOne(d => d.RequestKey == key) is { } earlier)
            {
                if (earlier.RequestFingerprint != fingerprint)
                    throw new RuleViolation(RefusalKind.AlreadyExists, Reasons.AlreadyExists,
                        $"request_id {referral.RequestId} was already used for {earlier.Referral.ResourceName} with a different referral: " +
                        "use a new request_id for a new referral, or resend exactly the same one to get its result.",
                        fields: [new FieldProblem("referral.request_id", "already used for a different referral")]);
                trail.RecordIn(scope, audit.Touch(earlier.Referral.ResourceName).Case(earlier.Referral.CaseNumber), "retry of request_id: first result returned");
                return new Submission(Open(earlier), Replayed: true);
            }

            var now = time.GetUtcNow();
            ReferralRules.Submit(referral, register.Get(referral.CentreId), actor, now, UkClock.Today(time));
            referral.Id = Names.NewId();
            var document = Seal(referral);
            document.RequestKey = key;
            document.RequestFingerprint = fingerprint;
            Save(scope, document, ReferralChangeType.Submitted, insert: true);
            trail.RecordIn(scope, audit.Touch(referral.ResourceName).Case(referral.CaseNumber));
            // The plaintext already holds what was sealed; only the sequence was set on the stored copy.
            referral.Sequence = document.Referral.Sequence;
            return new Submission(referral, Replayed: false);
        });

    /// <summary>
    /// Applies a lifecycle action for <paramref name="principal"/>: someone else's referral is
    /// PERMISSION_DENIED whether or not it exists (NCT, who may see all, gets NOT_FOUND).
    /// </summary>
    public Task<Referral> ActAsync(string id, Principal principal, Func<Referral, bool> mayAct,
        ReferralAction action, ReferralRules.Details details, Actor actor, CallAudit audit) =>
        store.WriteAsync(scope =>
        {
            var document = Referrals(scope).FindById(id);
            ReferralAccess.Check(principal, document?.Referral, ReferralNames.Of(id), mayAct);
            var referral = document!.Referral;
            audit.Touch(referral.ResourceName).Case(referral.CaseNumber);
            var now = time.GetUtcNow();
            ReferralRules.Apply(referral, action, details, actor, now, register.Get(referral.CentreId), UkClock.Today(time));
            if (!referral.IsOpen) document.RetainUntil = retention.RetainUntil(RetentionKind, now);
            Save(scope, document, ReferralChangeType.Transitioned, insert: false);
            trail.RecordIn(scope, audit);
            return Open(document);
        });

    /// <summary>
    /// Flags every open referral that an accreditation change leaves with a centre no longer
    /// accredited for its contact type, and moves the durable cursor past the change in the same
    /// transaction, so each change is handled exactly once even across restarts.
    /// </summary>
    public Task<int> FlagForAccreditationChangeAsync(AccreditationChange change) =>
        store.WriteAsync(scope =>
        {
            var now = time.GetUtcNow();
            var audit = CallAudit.System("referral-accreditation-flags");
            var flagged = 0;
            foreach (var document in Referrals(scope).Find(d => d.Referral.CentreId == change.CentreId).ToList())
            {
                if (!ReferralRules.IsAffectedBy(document.Referral, change)) continue;
                ReferralRules.FlagLostAccreditation(document.Referral, change, now);
                Save(scope, document, ReferralChangeType.Flagged, insert: false);
                audit.Touch(document.Referral.ResourceName).Case(document.Referral.CaseNumber);
                flagged++;
            }
            if (flagged > 0) trail.RecordIn(scope, audit.Touch(Names.Centre(change.CentreId)), $"accreditation change {change.Sequence}: {flagged} referrals flagged");
            scope.Settings.Upsert(new StoreSetting { Id = FlagCursorSetting, Value = change.Sequence.ToString(CultureInfo.InvariantCulture) });
            return flagged;
        });

    /// <summary>The last accreditation change the flagging has handled.</summary>
    public long FlagCursor() =>
        store.Read(s => s.Settings.FindById(FlagCursorSetting) is { } setting ? long.Parse(setting.Value, CultureInfo.InvariantCulture) : 0);

    public ReferralDocument? Find(string id) => store.Read(s => Referrals(s).FindById(id));

    /// <summary>The referrals in a scope, oldest submission first.</summary>
    public IReadOnlyList<ReferralDocument> List(ReferralScope scope) =>
        store.Read(s =>
        {
            var col = Referrals(s);
            IEnumerable<ReferralDocument> found = scope.All
                ? col.FindAll()
                : (scope.FcaId is { } fca ? col.Find(d => d.Referral.FcaId == fca) : [])
                    .Concat(scope.CentreId is { } centre ? col.Find(d => d.Referral.CentreId == centre) : []);
            return found.DistinctBy(d => d.Id).OrderBy(d => d.Referral.Created).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
        });

    /// <summary>Recorded changes in a scope after a sequence number, oldest first.</summary>
    public IReadOnlyList<ReferralEvent> ChangesAfter(long sequence, ReferralScope scope, int max) =>
        store.Read(s =>
        {
            var col = Events(s);
            IEnumerable<ReferralEvent> found = scope.All
                ? col.Find(e => e.Sequence > sequence, limit: max)
                : (scope.FcaId is { } fca ? col.Find(e => e.FcaId == fca && e.Sequence > sequence) : [])
                    .Concat(scope.CentreId is { } centre ? col.Find(e => e.CentreId == centre && e.Sequence > sequence) : []);
            return found.DistinctBy(e => e.Sequence).OrderBy(e => e.Sequence).Take(max).ToList();
        });

    /// <summary>Live changes from now on.</summary>
    public System.Threading.Channels.ChannelReader<ReferralEvent> Subscribe(CancellationToken stop) => feed.Subscribe(stop);

    /// <summary>The referral with its children and further information decrypted.</summary>
    public Referral Open(ReferralDocument document)
    {
        var referral = document.Referral.Clone();
        referral.Children = document.Children.Select(c => new Child(
            protector.Unprotect(c.GivenNames),
            protector.Unprotect(c.FamilyName),
            DateOnly.ParseExact(protector.Unprotect(c.BirthDate), "yyyy-MM-dd", CultureInfo.InvariantCulture))).ToList();
        referral.FurtherInformation = document.SealedFurtherInformation is { } sealedText ? protector.Unprotect(sealedText) : null;
        return referral;
    }

    private ReferralDocument Seal(Referral referral)
    {
        var body = referral.Clone();
        body.Children = [];
        body.FurtherInformation = null;
        return new ReferralDocument
        {
            Id = referral.Id,
            Referral = body,
            Children = referral.Children.Select(c => new SealedChild
            {
                GivenNames = protector.Protect(c.GivenNames),
                FamilyName = protector.Protect(c.FamilyName),
                BirthDate = protector.Protect(c.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            }).ToList(),
            SealedFurtherInformation = string.IsNullOrEmpty(referral.FurtherInformation) ? null : protector.Protect(referral.FurtherInformation),
        };
    }

    private void Save(WriteScope scope, ReferralDocument document, ReferralChangeType type, bool insert)
    {
        var events = Events(scope);
        // Single writer: the next sequence cannot be taken by anyone else before this commits.
        var sequence = events.Query().OrderByDescending(e => e.Sequence).Select(e => e.Sequence).FirstOrDefault() + 1;
        document.Referral.Sequence = sequence;
        if (insert) Referrals(scope).Insert(document);
        else Referrals(scope).Update(document);
        var change = new ReferralEvent
        {
            Sequence = sequence,
            ReferralId = document.Id,
            FcaId = document.Referral.FcaId,
            CentreId = document.Referral.CentreId,
            Type = type,
            Recorded = time.GetUtcNow(),
            Snapshot = document,
        };
        events.Insert(change);
        scope.OnCommitted(() => feed.Publish(change));
    }

    private static string RequestKey(string fcaId, string requestId) => $"{fcaId}|{requestId}";

    private static ILiteCollection<ReferralDocument> Referrals(Collections c) => c.Collection<ReferralDocument>(Collection);
    private static ILiteCollection<ReferralEvent> Events(Collections c) => c.Collection<ReferralEvent>(EventCollection);

    /// <summary>Creates the referral indexes at start-up (see <see cref="Collections.EnsureIndexes"/>).</summary>
    internal static void EnsureIndexes(Collections c)
    {
        Referrals(c).EnsureIndex(d => d.RequestKey, unique: true);
        Referrals(c).EnsureIndex(d => d.Referral.FcaId);
        Referrals(c).EnsureIndex(d => d.Referral.CentreId);
        Events(c).EnsureIndex(e => e.FcaId);
        Events(c).EnsureIndex(e => e.CentreId);
        Events(c).EnsureIndex(e => e.ReferralId);
    }

    /// <summary>
    /// A closed referral past its retention date, kept for the figures only. The MOU review report
    /// (MOU 3; <see cref="Domain.Reports.ReferralFigures"/>) counts referrals by kind, contact type and
    /// outcome and times the centres' answers, across years: purging would rewrite past reviews. So
    /// what identifies the family goes (the sealed children and further information, the case
    /// number, the keyed digest of the body, and the free text: dispute, preparation, court
    /// reference, risk assessment, transition notes) and the statistics stay (kind, contact type,
    /// centre, status, decline reason, dates and who acted).
    /// </summary>
    internal static void Anonymise(ReferralDocument document)
    {
        document.Children = [];
        document.SealedFurtherInformation = null;
        document.RequestFingerprint = "";
        document.RetainUntil = null;
        var r = document.Referral;
        r.Children = [];
        r.FurtherInformation = null;
        r.CaseNumber = "";
        r.NatureOfDispute = r.PreparationPlan = r.PreparationDeliveredBy = "";
        r.CourtPermissionReference = null;
        (r.SignificantRisk, r.Risk, r.Conflict) = (false, RiskLevel.Unspecified, false);
        foreach (var t in r.History) t.Note = "";
    }
}
