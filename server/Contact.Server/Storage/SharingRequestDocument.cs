using Contact.Server.Security;

namespace Contact.Server.Storage;

/// <summary>A request as stored: what it is found by in clear, the rest (children included) sealed.</summary>
public sealed class SharingRequestDocument : IRetainable
{
    public string Id { get; set; } = "";
    public string SubmittedBy { get; set; } = "";
    public string? FcaId { get; set; }
    public int State { get; set; }
    public long Sequence { get; set; }
    public DateTimeOffset Received { get; set; }
    public string Sealed { get; set; } = "";
    /// <summary>The case it was matched to (an internal id): the request is kept, and purged, with it.</summary>
    public string? CaseId { get; set; }
    /// <summary>Only for a finished request matched to no case: then it is kept for its own period.</summary>
    public DateTimeOffset? RetainUntil { get; set; }
}
