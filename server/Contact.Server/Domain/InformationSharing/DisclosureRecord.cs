namespace Contact.Server.Domain.InformationSharing;

/// <summary>One disclosure made from a case (MOU 2.3.5): what, to whom, when, by whom.</summary>
public sealed class DisclosureRecord
{
    public string Id { get; set; } = "";
    public string CaseId { get; set; } = "";
    public string RequestId { get; set; } = "";
    public DateTimeOffset Time { get; set; }
    public string SharedWith { get; set; } = "";
    public string SharedBy { get; set; } = "";
    public List<string> Items { get; set; } = [];
}
