using Contact.Server.Domain.Common;
using Contact.Server.Domain.Concerns;
using Contact.Server.Security;
using LiteDB;

namespace Contact.Server.Storage;

/// <summary>
/// Stores concerns. Each change is made on a copy read inside the write, so concurrent steps on one
/// concern are serialised; the change joins the concern log and the audit trail in the same
/// transaction, and is published once durable.
/// </summary>
public sealed class ConcernRepository(ContactStore store, ConcernFeed feed, AuditTrail trail)
{
    public const string CollectionName = "concerns", ChangesName = "concern_changes";

    public Task<Concern> CreateAsync(Concern concern, CallAudit audit) =>
        store.WriteAsync(scope =>
        {
            concern.Id = Domain.Register.Names.NewId();
            concern.Version = 1;
            concern.Timeline.Add(new ConcernEvent(ConcernAction.Unspecified, ConcernStatus.Unspecified, concern.Status, "", concern.RaisedBy, concern.Raised));
            scope.Collection<Concern>(CollectionName).Insert(concern);
            Log(scope, concern);
            trail.RecordIn(scope, audit.Touch(concern.ResourceName));
            return concern;
        });

    public Task<Concern> UpdateAsync(string id, string? etag, Action<Concern> change, CallAudit audit) =>
        store.WriteAsync(scope =>
        {
            var concerns = scope.Collection<Concern>(CollectionName);
            var stored = concerns.FindById(id) ?? throw RuleViolation.NotFound(ConcernNames.Of(id));
            if (!string.IsNullOrEmpty(etag) && etag != stored.Etag)
                throw RuleViolation.StaleEtag(stored.ResourceName, etag, stored.Etag);
            var concern = stored.Clone();
            change(concern);
            concern.Version++;
            concerns.Update(concern);
            Log(scope, concern);
            trail.RecordIn(scope, audit.Touch(concern.ResourceName));
            return concern;
        });

    public Concern? Get(string id) => store.Read(s => s.Collection<Concern>(CollectionName).FindById(id));

    /// <summary>Every concern. The register of concerns is small (a few hundred a year).</summary>
    public IReadOnlyList<Concern> All() => store.Read(s => s.Collection<Concern>(CollectionName).FindAll().ToList());

    public System.Threading.Channels.ChannelReader<ConcernChange> Subscribe(CancellationToken stop) => feed.Subscribe(stop);

    public IReadOnlyList<ConcernChange> ChangesAfter(long sequence, int max) =>
        store.Read(s => s.Collection<ConcernChange>(ChangesName).Find(Query.GT("_id", sequence), limit: max).OrderBy(c => c.Sequence).ToList());

    private void Log(WriteScope scope, Concern concern)
    {
        var change = new ConcernChange { ConcernId = concern.Id, Event = concern.Timeline[^1], Concern = concern };
        scope.Collection<ConcernChange>(ChangesName).Insert(change);
        scope.OnCommitted(() => feed.Publish(change));
    }
}
