using Contact.Server.Security;
using LiteDB;

namespace Contact.Server.Storage;

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
