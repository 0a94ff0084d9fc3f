namespace Contact.Server.Domain.Common;

/// <summary>
/// A request the domain refuses. Carries the machine-readable reason, the clause of the policy or
/// MOU that refuses it (where a rule does), and the fields at fault. Thrown before anything is
/// written, or inside a store transaction so that the transaction rolls back.
/// </summary>
public sealed class RuleViolation(
    RefusalKind kind,
    string reason,
    string message,
    string? clause = null,
    IReadOnlyList<FieldProblem>? fields = null) : Exception(message)
{
    public RefusalKind Kind { get; } = kind;
    public string Reason { get; } = reason;
    public string? Clause { get; } = clause;
    public IReadOnlyList<FieldProblem> Fields { get; } = fields ?? [];

    public static RuleViolation Invalid(string field, string description) =>
        new(RefusalKind.Invalid, Reasons.InvalidRequest, $"{field}: {description}", null, [new(field, description)]);

    public static RuleViolation NotFound(string resource) =>
        new(RefusalKind.NotFound, Reasons.NotFound, $"{resource} was not found.");

    /// <summary>A write that sent the etag it last read, when the resource has changed since (ABORTED).</summary>
    public static RuleViolation StaleEtag(string resource, string sent, string current) =>
        new(RefusalKind.StaleEtag, Reasons.StaleEtag, $"{resource} has changed since it was read (etag {sent}, now {current}): read it again and retry.");

    /// <summary>A rule of the policy or MOU refuses the request.</summary>
    public static RuleViolation Rule(string clause, string message, string? field = null, RefusalKind kind = RefusalKind.FailedPrecondition, string reason = Reasons.RuleViolation) =>
        new(kind, reason, $"{message} ({clause})", clause, field is null ? null : [new(field, message)]);
}
