using Contact.Server.Domain.Common;
using Contact.Server.Domain.Register;
using Contact.Server.Security;

namespace Contact.Server.Storage;

/// <summary>
/// Stores register changes. Each change is read from the file, changed on a clone and written
/// back on the writer thread, so concurrent changes to one centre are serialised and none is lost;
/// its accreditation changes join the change log and its audit entry the trail in the same
/// transaction. Once durable, the in-memory index is updated and the changes published.
/// </summary>
public sealed class RegisterRepository(ContactStore store, RegisterIndex index, AccreditationFeed feed, AuditTrail trail, TimeProvider time)
{
    private volatile bool _loaded;

    /// <summary>Loads (or reloads) the register into memory.</summary>
    public void LoadIndex()
    {
        index.Load(store.Read(s => s.Centres.FindAll().ToList()));
        _loaded = true;
    }

    /// <summary>Loads the register at start-up unless the start-up check has already loaded it.</summary>
    public void EnsureIndexLoaded()
    {
        if (!_loaded) LoadIndex();
    }

    /// <summary>
    /// Loads a whole register in one write (the demo): centres and their recorded history, with
    /// <paramref name="setting"/> marking it done and its audit entry.
    /// </summary>
    public Task LoadAsync(IReadOnlyList<Centre> centres, IEnumerable<AccreditationChange> history, string setting, CallAudit audit, string detail) =>
        store.WriteAsync(scope =>
        {
            foreach (var change in history) scope.AccreditationChanges.Insert(change);
            scope.Centres.InsertBulk(centres);
            scope.PutSetting(setting, time.GetUtcNow().ToString("O"));
            trail.RecordIn(scope, audit, detail);
        });

    /// <summary>Some centre marked demo, if the register has one.</summary>
    public Centre? AnyDemoCentre() => store.Read(s => s.Centres.FindOne(c => c.Demo));

    public Task<Centre> CreateAsync(Centre centre, CallAudit audit) =>
        store.WriteAsync(scope =>
        {
            var now = time.GetUtcNow();
            centre.Id = Names.NewId();
            centre.Created = centre.Updated = now;
            centre.Version = 1;
            scope.Centres.Insert(centre);
            trail.RecordIn(scope, audit.Touch(centre.ResourceName));
            scope.OnCommitted(() => index.Upsert(centre));
            return centre;
        });

    /// <summary>
    /// Applies <paramref name="change"/> to the stored centre. With <paramref name="etag"/>, a centre
    /// changed since is refused as stale. Returns the centre as stored.
    /// </summary>
    public Task<Centre> UpdateAsync(string id, string? etag, Func<Centre, IReadOnlyList<AccreditationChange>> change, CallAudit audit) =>
        store.WriteAsync(scope =>
        {
            var stored = scope.Centres.FindById(id) ?? throw RuleViolation.NotFound(Names.Centre(id));
            if (!string.IsNullOrEmpty(etag) && etag != stored.Etag)
                throw RuleViolation.StaleEtag(stored.ResourceName, etag, stored.Etag);
            var centre = stored.Clone();
            var changes = change(centre);
            Save(scope, centre, changes);
            trail.RecordIn(scope, audit.Touch(centre.ResourceName));
            return centre;
        });

    /// <summary>Creates and updates many centres in one transaction (rows already validated).</summary>
    public Task<IReadOnlyList<Centre>> ImportAsync(IReadOnlyList<(Centre Centre, bool IsNew)> rows, CallAudit audit) =>
        store.WriteAsync<IReadOnlyList<Centre>>(scope =>
        {
            var now = time.GetUtcNow();
            var stored = new List<Centre>(rows.Count);
            foreach (var (row, isNew) in rows)
            {
                if (isNew)
                {
                    row.Id = Names.NewId();
                    row.Created = row.Updated = now;
                    row.Version = 1;
                    scope.Centres.Insert(row);
                    var inserted = row;
                    scope.OnCommitted(() => index.Upsert(inserted));
                    stored.Add(row);
                }
                else
                {
                    var existing = scope.Centres.FindById(row.Id) ?? throw RuleViolation.NotFound(row.ResourceName);
                    CentreEditing.CopyDetails(row, existing);
                    Save(scope, existing, []);
                    stored.Add(existing);
                }
                audit.Touch(stored[^1].ResourceName);
            }
            trail.RecordIn(scope, audit, $"{rows.Count} rows");
            return stored;
        });

    /// <summary>Records every lapse that is due (MOU 2.1.3); returns how many centres changed.</summary>
    public async Task<int> RecordDueLapsesAsync()
    {
        var today = UkClock.Today(time);
        var due = index.All().Where(c => AccreditationRules.RecordDueLapses(c.Clone(), time.GetUtcNow(), today).Count > 0).Select(c => c.Id).ToList();
        foreach (var id in due)
        {
            var audit = CallAudit.System("accreditation-lapse-job");
            await UpdateAsync(id, null, c => AccreditationRules.RecordDueLapses(c, time.GetUtcNow(), UkClock.Today(time)), audit);
        }
        return due.Count;
    }

    /// <summary>Live changes from now on; see <see cref="AccreditationFeed"/>.</summary>
    public System.Threading.Channels.ChannelReader<AccreditationChange> Subscribe(CancellationToken stop) => feed.Subscribe(stop);

    /// <summary>Recorded changes after a sequence number, oldest first.</summary>
    public IReadOnlyList<AccreditationChange> ChangesAfter(long sequence, string? centreId, int max) =>
        store.Read(s => (centreId is null
                ? s.AccreditationChanges.Find(c => c.Sequence > sequence, limit: max)
                : s.AccreditationChanges.Find(c => c.Sequence > sequence && c.CentreId == centreId, limit: max))
            .OrderBy(c => c.Sequence).ToList());

    private void Save(WriteScope scope, Centre centre, IReadOnlyList<AccreditationChange> changes)
    {
        centre.Version++;
        centre.Updated = time.GetUtcNow();
        foreach (var change in changes) scope.AccreditationChanges.Insert(change);
        // The history embedded in the centre carries the sequence numbers the change log assigned.
        scope.Centres.Update(centre);
        scope.OnCommitted(() =>
        {
            index.Upsert(centre);
            foreach (var change in changes) feed.Publish(change);
        });
    }
}
