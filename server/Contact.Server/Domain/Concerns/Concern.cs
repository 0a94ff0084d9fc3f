using Contact.Server.Domain.Common;
using Contact.Server.Domain.Register;

namespace Contact.Server.Domain.Concerns;

/// <summary>A concern raised with NCT about a contact service.</summary>
public sealed class Concern
{
    public string Id { get; set; } = "";
    public ConcernType Type { get; set; }
    /// <summary>The centre concerned; for an unaccredited organisation, its register entry once linked.</summary>
    public string? CentreId { get; set; }
    public string? OrganisationName { get; set; }
    public string? OrganisationAddress { get; set; }
    public string? OrganisationOffers { get; set; }
    public List<ContactKind> OrganisationContactTypes { get; set; } = [];
    public string Description { get; set; } = "";
    public ConcernStatus Status { get; set; } = ConcernStatus.Raised;
    public DateOnly? DueDate { get; set; }
    /// <summary>The raiser: an FCA identity for practitioners, else the principal's name.</summary>
    public string RaisedBy { get; set; } = "";
    /// <summary>The raising practitioner's FCA identity, so that they (and only they) can follow it; null when NCT recorded it.</summary>
    public string? RaiserFcaId { get; set; }
    public DateTimeOffset Raised { get; set; }
    public DateOnly? AlertDate { get; set; }
    public string? AlertSent { get; set; }
    public DateOnly? ResponseDate { get; set; }
    public string? Response { get; set; }
    public List<ConcernEvent> Timeline { get; set; } = [];
    public DateTimeOffset Updated { get; set; }
    public long Version { get; set; }

    public string ResourceName => ConcernNames.Of(Id);
    public string Etag => $"\"{Version}\"";
    public bool IsClosed => Status is ConcernStatus.Resolved or ConcernStatus.NoFurtherAction;
    public bool IsOverdue(DateOnly today) => !IsClosed && DueDate is { } due && today > due;
    public DateOnly RaisedOn => UkClock.DateOf(Raised);

    public Concern Clone()
    {
        var copy = (Concern)MemberwiseClone();
        copy.OrganisationContactTypes = [.. OrganisationContactTypes];
        copy.Timeline = [.. Timeline];
        return copy;
    }
}
