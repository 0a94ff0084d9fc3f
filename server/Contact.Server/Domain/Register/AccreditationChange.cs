namespace Contact.Server.Domain.Register;

/// <summary>A recorded decision: in the centre's history and in the register-wide change log.</summary>
public sealed class AccreditationChange
{
    /// <summary>Register-wide sequence; the change log's key.</summary>
    public long Sequence { get; set; }
    public string CentreId { get; set; } = "";
    public string CentreDisplayName { get; set; } = "";
    public AccreditationLevel Level { get; set; }
    public AccreditationAction Action { get; set; }
    public AccreditationStatus PreviousStatus { get; set; }
    public AccreditationStatus NewStatus { get; set; }
    public DateOnly EffectiveDate { get; set; }
    public string Reason { get; set; } = "";
    public string Actor { get; set; } = "";
    public DateTimeOffset Recorded { get; set; }
}
