namespace Contact.Server.Domain.Cases;

/// <summary>
/// A case in the index the SRS answers come from. Risk is held as flags only: there is nowhere to
/// put the details of a concern (MOU 2.3.4).
/// </summary>
public sealed class CaseRecord
{
    public string Id { get; set; } = "";
    public string CaseNumber { get; set; } = "";
    public List<CaseChild> Children { get; set; } = [];
    public List<CaseParty> Parties { get; set; } = [];
    public CaseStatus Status { get; set; }
    public DateOnly Opened { get; set; }
    public DateOnly? Closed { get; set; }
    public AllocatedFca? Fca { get; set; }
    public bool CurrentRisk { get; set; }
    public bool HistoricRisk { get; set; }
    public List<CourtPermission> CourtPermissions { get; set; } = [];
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset Updated { get; set; }
    public long Version { get; set; }

    public string ResourceName => CaseNames.Case(Id);
    public string Etag => $"\"{Version}\"";
    public bool IsOpen => Status == CaseStatus.Open;
}
