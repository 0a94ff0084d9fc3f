using Contact.Server.Storage;

namespace Contact.Server.Security;

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
