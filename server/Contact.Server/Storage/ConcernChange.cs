using Contact.Server.Domain.Concerns;
using LiteDB;

namespace Contact.Server.Storage;

/// <summary>One recorded change to a concern: the concern's change log, replayed by WatchConcerns.</summary>
public sealed class ConcernChange
{
    [BsonId(autoId: true)]
    public long Sequence { get; set; }
    public string ConcernId { get; set; } = "";
    public ConcernEvent Event { get; set; } = null!;
    /// <summary>The concern as it stood after the change.</summary>
    public Concern Concern { get; set; } = null!;
}
