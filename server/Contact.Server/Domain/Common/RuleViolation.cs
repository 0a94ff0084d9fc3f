namespace Contact.Server.Domain.Common;

/// <summary>How a refusal is classed; the gRPC layer maps each to a status code.</summary>
public enum RefusalKind
{
    Invalid,
    NotFound,
    FailedPrecondition,
    StaleEtag,
    AlreadyExists,
    PermissionDenied,
}

/// <summary>One problem with one request field, named by its proto path (e.g. "centre.address.postcode").</summary>
public sealed record FieldProblem(string Field, string Description);

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

/// <summary>The ErrorInfo reasons, as declared by contact.v1.ErrorReason.</summary>
public static class Reasons
{
    public const string InvalidRequest = "INVALID_REQUEST";
    public const string NotFound = "NOT_FOUND";
    public const string StaleEtag = "STALE_ETAG";
    public const string NotAccredited = "NOT_ACCREDITED";
    public const string IllegalAccreditationTransition = "ILLEGAL_ACCREDITATION_TRANSITION";
    public const string UnknownPostcode = "UNKNOWN_POSTCODE";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string PermissionDenied = "PERMISSION_DENIED";
    public const string RuleViolation = "RULE_VIOLATION";
    public const string FailedPrecondition = "FAILED_PRECONDITION";
    public const string AlreadyExists = "ALREADY_EXISTS";
}

/// <summary>
/// Collects field problems so a request is refused once with every problem listed,
/// rather than one at a time.
/// </summary>
public sealed class Validation
{
    private readonly List<FieldProblem> _problems = [];

    public bool IsValid => _problems.Count == 0;

    public Validation Add(string field, string description)
    {
        _problems.Add(new FieldProblem(field, description));
        return this;
    }

    public Validation Require(bool condition, string field, string description) =>
        condition ? this : Add(field, description);

    public Validation RequireText(string? value, string field, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) return Add(field, "is required");
        return OptionalText(value, field, maxLength);
    }

    public Validation OptionalText(string? value, string field, int maxLength = 200)
    {
        if (value is null) return this;
        if (value.Length > maxLength) return Add(field, $"must be at most {maxLength} characters");
        if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            return Add(field, "must not contain control characters");
        return this;
    }

    /// <summary>
    /// A list call's page size (AIP-158): negative is a field problem, 0 means the default, and
    /// anything above the maximum is lowered to it.
    /// </summary>
    public int PageSize(int requested, int defaultSize = 50, int maxSize = 500)
    {
        Require(requested >= 0, "page_size", "must not be negative");
        return requested <= 0 ? defaultSize : Math.Min(requested, maxSize);
    }

    /// <summary>
    /// Like <see cref="Require"/>, for a problem a rule of the policy or MOU names: the refusal then carries
    /// the clause (and reason RULE_VIOLATION) as <see cref="RuleViolation.Rule"/> does, with every field listed.
    /// </summary>
    public Validation RequireRule(bool condition, string clause, string field, string description)
    {
        if (condition) return this;
        _clause ??= clause;
        return Add(field, $"{description} ({clause})");
    }

    private string? _clause;

    public void ThrowIfInvalid()
    {
        if (_problems.Count == 0) return;
        var summary = string.Join("; ", _problems.Select(p => $"{p.Field}: {p.Description}"));
        throw _clause is null
            ? new RuleViolation(RefusalKind.Invalid, Reasons.InvalidRequest, summary, null, _problems.ToArray())
            : new RuleViolation(RefusalKind.Invalid, Reasons.RuleViolation, summary, _clause, _problems.ToArray());
    }
}
