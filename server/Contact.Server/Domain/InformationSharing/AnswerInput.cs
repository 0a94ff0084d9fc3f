namespace Contact.Server.Domain.InformationSharing;

/// <summary>The FCA's answer to the form, as asked for (before the rules are applied).</summary>
public sealed record AnswerInput(
    YesNo CurrentRisk, YesNo HistoricRisk, YesNo CourtPermission, string? PermissionReference,
    IReadOnlyList<string> FurtherInformation, bool ConfirmNoRiskDespiteFlag, string? ConfirmationReason);
