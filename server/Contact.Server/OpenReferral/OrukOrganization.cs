namespace Contact.Server.OpenReferral;

public sealed record OrukOrganization(
    string Id,
    string Name,
    string Description,
    string? Website,
    IReadOnlyList<OrukOrganizationIdentifier> OrganizationIdentifiers);
