namespace Contact.Server.OpenReferral;

/// <summary>A third-party identifier of an organisation: its registered charity number.</summary>
public sealed record OrukOrganizationIdentifier(string Id, string OrganizationId, string? IdentifierScheme, string IdentifierType, string Identifier);
