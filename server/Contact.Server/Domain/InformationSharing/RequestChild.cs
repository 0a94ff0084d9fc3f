using Contact.Server.Domain.Cases;

namespace Contact.Server.Domain.InformationSharing;

/// <summary>A child as NACCC names them on the form.</summary>
public sealed record RequestChild(string GivenNames, string FamilyName, DateOnly DateOfBirth, List<string> AddressLines, string? Postcode)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public ChildIdentity Identity => new(GivenNames, FamilyName, DateOfBirth, Postcode);
}
