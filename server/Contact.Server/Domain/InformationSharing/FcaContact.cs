namespace Contact.Server.Domain.InformationSharing;

/// <summary>An FCA as named on the form (by NACCC, or as the one completing it).</summary>
public sealed record FcaContact(string DisplayName, string? Email, string? Phone);
