namespace Contact.Server.Security;

/// <summary>
/// Which Safe Referral System requests a caller lists: those its key sent (<see cref="SubmittedBy"/>),
/// those routed to an FCA (<see cref="FcaId"/>), or, with neither, all.
/// </summary>
public sealed record SharingScope(string? SubmittedBy, string? FcaId)
{
    public static readonly SharingScope All = new(null, null);
}
