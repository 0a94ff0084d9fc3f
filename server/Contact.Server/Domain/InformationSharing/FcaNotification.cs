namespace Contact.Server.Domain.InformationSharing;

/// <summary>A notification to an FCA that one of their cases was queried, or a request routed to them.</summary>
public sealed class FcaNotification
{
    public long Sequence { get; set; }
    public string FcaId { get; set; } = "";
    public FcaNotificationKind Kind { get; set; }
    public string CaseId { get; set; } = "";
    public string CaseNumber { get; set; } = "";
    public string RequestId { get; set; } = "";
    public DateTimeOffset Time { get; set; }
}
