namespace Contact.Server.Domain.Cases;

/// <summary>The allocated Family Court Adviser and how to reach them (MOU 2.3.4).</summary>
public sealed record AllocatedFca(string FcaId, string DisplayName, string? Email, string? Phone);
