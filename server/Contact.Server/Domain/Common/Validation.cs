namespace Contact.Server.Domain.Common;

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

    /// <summary>
    /// Requires a named member of <typeparamref name="T"/>: an enum read from the wire may carry any
    /// number. The one enum check; EnumMapping (Services) uses it too.
    /// </summary>
    public Validation RequireDefined<T>(T value, string field) where T : struct, Enum =>
        Require(Enum.IsDefined(value), field, "unknown value");

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
        if (ToViolation() is { } violation) throw violation;
    }

    /// <summary>The refusal for the problems collected so far; null when there are none.</summary>
    public RuleViolation? ToViolation()
    {
        if (_problems.Count == 0) return null;
        // A summary of the first few: a request with a thousand bad rows must not make a message of a thousand lines.
        var summary = string.Join("; ", _problems.Take(3).Select(p => $"{p.Field}: {p.Description}"))
            + (_problems.Count > 3 ? $"; and {_problems.Count - 3} more" : "");
        return _clause is null
            ? new RuleViolation(RefusalKind.Invalid, Reasons.InvalidRequest, summary, null, _problems.ToArray())
            : new RuleViolation(RefusalKind.Invalid, Reasons.RuleViolation, summary, _clause, _problems.ToArray());
    }
}
