namespace Contact.Server.Storage;

/// <summary>A disclosure as stored, sealed (it may hold contact details and court-permitted statements).</summary>
public sealed class DisclosureDocument
{
    public string Id { get; set; } = "";
    public string CaseId { get; set; } = "";
    /// <summary>Order of recording: disclosures made in the same instant keep their order.</summary>
    public long Sequence { get; set; }
    public string Sealed { get; set; } = "";
}
