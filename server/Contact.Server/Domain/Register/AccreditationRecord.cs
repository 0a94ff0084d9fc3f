namespace Contact.Server.Domain.Register;

/// <summary>One accreditation level of a centre with its recorded status and history.</summary>
public sealed class AccreditationRecord
{
    public AccreditationLevel Level { get; set; }
    /// <summary>The status as last recorded; see <see cref="AccreditationRules.EffectiveStatus"/> for the one in force.</summary>
    public AccreditationStatus Status { get; set; } = AccreditationStatus.NotAccredited;
    public DateOnly? GrantedDate { get; set; }
    public DateOnly? RenewalDue { get; set; }
    public List<AccreditationChange> History { get; set; } = [];

    public AccreditationRecord Clone()
    {
        var copy = (AccreditationRecord)MemberwiseClone();
        copy.History = [.. History];
        return copy;
    }
}
