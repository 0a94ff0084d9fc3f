namespace Contact.Server.Domain.InformationSharing;

/// <summary>The FCA's answers: yes/no flags, and only court-permitted statements (MOU 2.3.4; policy 1.8).</summary>
public sealed record SharingAnswer(
    YesNo OpenNow, YesNo CurrentRisk, YesNo HistoricRisk, YesNo CourtPermission,
    List<string> FurtherInformation, FcaContact CompletedBy, DateTimeOffset Completed, string? PermissionReference = null);
