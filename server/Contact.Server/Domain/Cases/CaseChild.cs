namespace Contact.Server.Domain.Cases;

/// <summary>A child of a case. Held encrypted at rest.</summary>
public sealed record CaseChild(string GivenNames, string FamilyName, DateOnly DateOfBirth, List<string> AddressLines, string? Postcode)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public ChildIdentity Identity => new(GivenNames, FamilyName, DateOfBirth, Postcode);
}
