namespace Contact.Server.Domain.Cases;

/// <summary>A court's permission to disclose: the statements it allows to be shared (policy 1.8).</summary>
public sealed record CourtPermission(string Reference, DateOnly Date, List<string> ShareableInformation);
