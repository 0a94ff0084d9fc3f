using Contact.Server.Security;
using LiteDB;

namespace Contact.Server.Storage;

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
