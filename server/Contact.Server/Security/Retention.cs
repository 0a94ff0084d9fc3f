using Contact.Server.Storage;
using LiteDB;

namespace Contact.Server.Security;

/// <summary>
/// A stored record that holds a child's data. It carries the date after which it may no longer be
/// kept; the retention job purges or anonymises it once that date has passed.
/// </summary>
public interface IRetainable
{
    /// <summary>
    /// When the record's retention ends, from <see cref="RetentionSchedule.RetainUntil"/>. Set it when
    /// the record is created and again when it closes; null once it holds no child's data, or while
    /// it is live work whose period counts from its closure (an open referral or case).
    /// </summary>
    DateTimeOffset? RetainUntil { get; set; }
}

/// <summary>How long a kind of record is kept after the event its area counts from (usually closure).</summary>
public sealed class RetentionPeriod
{
    public int Years { get; set; }
    public int Months { get; set; }
    public int Days { get; set; }

    public static RetentionPeriod OfYears(int years) => new() { Years = years };
    public DateTimeOffset After(DateTimeOffset from) => from.AddYears(Years).AddMonths(Months).AddDays(Days);
    public bool IsValid => Years >= 0 && Months >= 0 && Days >= 0 && Years + Months + Days > 0;
    public override string ToString() => $"{Years}y{Months}m{Days}d";
}

/// <summary>The "Contact:Retention" configuration section.</summary>
public sealed class RetentionOptions
{
    /// <summary>How often the job looks for records past their retention date.</summary>
    public int CheckMinutes { get; set; } = 24 * 60;
    /// <summary>Per record kind, overriding the area's default: Contact:Retention:Periods:referrals:Years=6.</summary>
    public Dictionary<string, RetentionPeriod> Periods { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public enum RetentionAction { Purge, Anonymise }

/// <summary>
/// One kind of record under retention. An area registers one (usually with
/// <see cref="RetentionRegistration.AddRetainedRecords{T}"/>); the job asks each in turn.
/// </summary>
public interface IRetentionArea
{
    /// <summary>The kind's name in the schedule, e.g. "referrals".</summary>
    string Kind { get; }
    RetentionPeriod DefaultPeriod { get; }
    RetentionAction Action { get; }

    /// <summary>
    /// Inside the job's write: purges or anonymises up to <paramref name="limit"/> records whose
    /// retention date is at or before <paramref name="now"/>; returns their resource names.
    /// </summary>
    IReadOnlyList<string> Expire(WriteScope scope, DateTimeOffset now, int limit);
}

/// <summary>The retention schedule: per kind, the configured period or the area's default.</summary>
public sealed class RetentionSchedule
{
    private readonly Dictionary<string, RetentionPeriod> _periods = new(StringComparer.OrdinalIgnoreCase);

    public RetentionSchedule(RetentionOptions options, IEnumerable<IRetentionArea> areas)
    {
        foreach (var area in areas) _periods[area.Kind] = area.DefaultPeriod;
        foreach (var (kind, period) in options.Periods)
        {
            if (!period.IsValid)
                throw new InvalidOperationException($"Contact:Retention:Periods:{kind} must be a positive period (Years, Months, Days).");
            _periods[kind] = period;
        }
    }

    public RetentionPeriod PeriodOf(string kind) =>
        _periods.GetValueOrDefault(kind) ?? throw new InvalidOperationException($"No retention period for \"{kind}\": register its area or configure Contact:Retention:Periods:{kind}.");

    /// <summary>The retention date of a record of <paramref name="kind"/> whose period counts from <paramref name="from"/>.</summary>
    public DateTimeOffset RetainUntil(string kind, DateTimeOffset from) => PeriodOf(kind).After(from);
}

/// <summary>Finds the records past their retention date, for every area.</summary>
internal static class RetentionQuery
{
    /// <summary>The records of <paramref name="collection"/> whose retention date is at or before <paramref name="now"/>.</summary>
    public static List<T> Due<T>(Collections scope, string collection, DateTimeOffset now, int limit) =>
        // Instants are stored as UTC ticks (StoreMapper); null sorts below numbers, so exclude it.
        scope.Collection<T>(collection).Find(BsonExpression.Create(
            $"$.{nameof(IRetainable.RetainUntil)} != null AND $.{nameof(IRetainable.RetainUntil)} <= @0", new BsonValue(now.UtcTicks)),
            limit: limit).ToList();
}

/// <summary>
/// The ready-made area for a collection of <typeparamref name="T"/>: past its date, a record is
/// deleted, or, given <c>anonymise</c>, replaced by what that returns (its retention date cleared).
/// </summary>
public sealed class RetainedCollection<T>(string kind, string collection, RetentionPeriod defaultPeriod,
    Func<T, string> resourceName, Func<T, T>? anonymise = null) : IRetentionArea where T : class, IRetainable
{
    public string Kind => kind;
    public RetentionPeriod DefaultPeriod => defaultPeriod;
    public RetentionAction Action => anonymise is null ? RetentionAction.Purge : RetentionAction.Anonymise;

    public IReadOnlyList<string> Expire(WriteScope scope, DateTimeOffset now, int limit)
    {
        var documents = scope.Collection<BsonDocument>(collection);
        var due = RetentionQuery.Due<BsonDocument>(scope, collection, now, limit);
        var names = new List<string>(due.Count);
        foreach (var document in due)
        {
            var record = scope.Mapper.ToObject<T>(document);
            names.Add(resourceName(record));
            if (anonymise is null)
            {
                documents.Delete(document["_id"]);
                continue;
            }
            var anonymised = anonymise(record);
            anonymised.RetainUntil = null;
            var replacement = scope.Mapper.ToDocument(anonymised);
            replacement["_id"] = document["_id"];
            documents.Update(replacement);
        }
        return names;
    }
}

/// <summary>Purges or anonymises, area by area, what is past its retention date, and audits each batch.</summary>
public sealed class RetentionSweeper(ContactStore store, AuditTrail trail, IEnumerable<IRetentionArea> areas, TimeProvider time)
{
    private const int Batch = 200;

    public sealed record Swept(string Kind, RetentionAction Action, int Count);

    public async Task<IReadOnlyList<Swept>> RunAsync()
    {
        var now = time.GetUtcNow();
        var results = new List<Swept>();
        foreach (var area in areas)
        {
            var total = 0;
            while (true)
            {
                var done = await store.WriteAsync(scope =>
                {
                    var names = area.Expire(scope, now, Batch);
                    if (names.Count == 0) return 0;
                    var audit = CallAudit.System($"retention/{area.Kind}");
                    foreach (var name in names) audit.Touch(name);
                    var verb = area.Action == RetentionAction.Purge ? "purged" : "anonymised";
                    trail.RecordIn(scope, audit, $"{verb} {names.Count} {area.Kind} past their retention date");
                    return names.Count;
                });
                total += done;
                if (done < Batch) break;
            }
            if (total > 0) results.Add(new Swept(area.Kind, area.Action, total));
        }
        return results;
    }
}

public static class RetentionRegistration
{
    /// <summary>The schedule, the sweeper and the options (ContactHosting calls this once).</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Contact:Retention").Get<RetentionOptions>() ?? new RetentionOptions());
        services.AddSingleton<RetentionSchedule>();
        services.AddSingleton<RetentionSweeper>();
        return services;
    }

    /// <summary>
    /// Puts a collection of records holding a child's data under retention: past its date a record is
    /// purged, or anonymised by <paramref name="anonymise"/>. Called by each area's registration, e.g.
    /// <code>
    /// services.AddRetainedRecords&lt;Referral&gt;("referrals", "referrals", RetentionPeriod.OfYears(6), r => $"referrals/{r.Id}");
    /// // the record implements IRetainable; when written:  referral.RetainUntil = schedule.RetainUntil("referrals", createdAt);
    /// // and when closed:                                  referral.RetainUntil = schedule.RetainUntil("referrals", closedAt);
    /// </code>
    /// </summary>
    public static IServiceCollection AddRetainedRecords<T>(this IServiceCollection services, string kind, string collection,
        RetentionPeriod defaultPeriod, Func<T, string> resourceName, Func<T, T>? anonymise = null) where T : class, IRetainable =>
        services.AddSingleton<IRetentionArea>(new RetainedCollection<T>(kind, collection, defaultPeriod, resourceName, anonymise));
}
