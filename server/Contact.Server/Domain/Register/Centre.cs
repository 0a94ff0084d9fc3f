namespace Contact.Server.Domain.Register;

// Domain enums carry the same numbers as their contact.v1 counterparts, so the gRPC layer maps
// them by value (EnumPairTests keeps every pair in step); the domain itself knows nothing of the wire contract.

/// <summary>Kinds of contact (policy 1.2; MOU 2.1.1).</summary>
public enum ContactKind { Unspecified = 0, Supported = 1, Supervised = 2, Handover = 3, Indirect = 4 }

/// <summary>Where a service is delivered (policy 1.2).</summary>
public enum Setting { Unspecified = 0, CentreBased = 1, Community = 2 }

/// <summary>NACCC accreditation levels: standard (supported) and enhanced (supervised) (MOU 2.1.1).</summary>
public enum AccreditationLevel { Unspecified = 0, Standard = 1, Enhanced = 2 }

public enum AccreditationStatus { Unspecified = 0, NotAccredited = 1, Candidate = 2, Accredited = 3, Suspended = 4, Lapsed = 5, Withdrawn = 6 }

public enum AccreditationAction { Unspecified = 0, Apply = 1, Grant = 2, Renew = 3, Suspend = 4, Reinstate = 5, Lapse = 6, Withdraw = 7 }

/// <summary>A centre, or a service delivered in the community: one entry of the register.</summary>
public sealed class Centre
{
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string OrganisationName { get; set; } = "";
    public string? CharityNumber { get; set; }
    public Setting Setting { get; set; }
    public List<ContactKind> ContactTypes { get; set; } = [];
    public List<string> AddressLines { get; set; } = [];
    public string Town { get; set; } = "";
    public string Postcode { get; set; } = "";
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public string Region { get; set; } = "";
    public List<OpeningSession> OpeningSessions { get; set; } = [];
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public int? WaitingWeeks { get; set; }
    public DateOnly? WaitingConfirmed { get; set; }
    public string? ContractReference { get; set; }
    public DateOnly? CommissionStart { get; set; }
    public DateOnly? CommissionEnd { get; set; }
    public List<AccreditationRecord> Accreditations { get; set; } = [];
    public bool Demo { get; set; }
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset Updated { get; set; }
    public long Version { get; set; }

    public string ResourceName => Names.Centre(Id);
    public string Etag => $"\"{Version}\"";

    public AccreditationRecord? Accreditation(AccreditationLevel level) =>
        Accreditations.FirstOrDefault(a => a.Level == level);

    /// <summary>NCT commissions it on this day (policy 1.4): a contract reference and a period covering the day.</summary>
    public bool IsCommissionedOn(DateOnly day) =>
        !string.IsNullOrEmpty(ContractReference)
        && CommissionStart is { } start && start <= day
        && (CommissionEnd is not { } end || day <= end);

    public Centre Clone()
    {
        var copy = (Centre)MemberwiseClone();
        copy.ContactTypes = [.. ContactTypes];
        copy.AddressLines = [.. AddressLines];
        copy.OpeningSessions = [.. OpeningSessions];
        copy.Accreditations = Accreditations.Select(a => a.Clone()).ToList();
        return copy;
    }
}

public sealed record OpeningSession(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

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
