using Contact.Server.Domain.Common;
using Contact.Server.Domain.Register;

namespace Contact.Server.Domain.Concerns;

// Same numbers as contact.v1.ConcernType / ConcernStatus / ConcernAction.

/// <summary>What a concern is about (policy 1.6, 1.7; MOU 2.1.4, 2.4.3).</summary>
public enum ConcernType { Unspecified = 0, UnaccreditedOrganisation = 1, StandardsCompliance = 2, Quality = 3 }

public enum ConcernStatus { Unspecified = 0, Raised = 1, UnderReview = 2, NacccAlerted = 3, NacccResponded = 4, AccreditationEncouraged = 5, Resolved = 6, NoFurtherAction = 7 }

public enum ConcernAction { Unspecified = 0, StartReview = 1, AlertNaccc = 2, RecordNacccResponse = 3, EncourageAccreditation = 4, LinkCentre = 5, AddNote = 6, Resolve = 7, CloseNoFurtherAction = 8 }

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

/// <summary>One step on a concern's timeline.</summary>
public sealed record ConcernEvent(ConcernAction Action, ConcernStatus PreviousStatus, ConcernStatus NewStatus, string Note, string Actor, DateTimeOffset Time);

public static class ConcernNames
{
    public const string Prefix = "concerns/";
    public static string Of(string id) => Prefix + id;
    public static string? IdOf(string? name) => Names.IdOf(name, Prefix);
}

/// <summary>Days allowed for each step, from the day the concern entered its current status.</summary>
public sealed class ConcernDeadlines
{
    /// <summary>Raised → NCT starts its review.</summary>
    public int ReviewDays { get; set; } = 2;
    /// <summary>Under review → NCT alerts NACCC (or closes it).</summary>
    public int AlertDays { get; set; } = 5;
    /// <summary>NACCC alerted → NACCC's response recorded.</summary>
    public int ResponseDays { get; set; } = 20;
    /// <summary>NACCC responded → resolved or closed.</summary>
    public int CloseDays { get; set; } = 10;
    /// <summary>Accreditation encouraged → followed up and closed (policy 1.6).</summary>
    public int EncouragedDays { get; set; } = 60;

    /// <summary>Days allowed in <paramref name="status"/>; null when closed.</summary>
    public int? For(ConcernStatus status) => status switch
    {
        ConcernStatus.Raised => ReviewDays,
        ConcernStatus.UnderReview => AlertDays,
        ConcernStatus.NacccAlerted => ResponseDays,
        ConcernStatus.NacccResponded => CloseDays,
        ConcernStatus.AccreditationEncouraged => EncouragedDays,
        _ => null,
    };
}
