namespace Contact.Server.Domain.Grants;

/// <summary>A centre's application for a round's grant.</summary>
public sealed class GrantApplication
{
    public string Id { get; set; } = "";
    public string RoundId { get; set; } = "";
    public string CentreId { get; set; } = "";
    public string CentreDisplayName { get; set; } = "";
    public long RequestedPence { get; set; }
    public string Purpose { get; set; } = "";
    public GrantApplicationStatus Status { get; set; } = GrantApplicationStatus.Pending;
    public long AwardedPence { get; set; }
    public bool Flagged { get; set; }
    public string? FlagReason { get; set; }
    public string? DecisionNote { get; set; }
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset? Decided { get; set; }

    public string ResourceName => GrantNames.Application(RoundId, Id);
}
