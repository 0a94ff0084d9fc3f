namespace Contact.Server.Domain.Register;

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
