namespace Contact.Server.Domain.InformationSharing;

/// <summary>What the call centre's look-up found.</summary>
public abstract record LookUpResult
{
    /// <summary>No child matched a case in the index.</summary>
    public sealed record NotKnown : LookUpResult;

    /// <summary>The children matched only closed cases (MOU 2.3.3).</summary>
    public sealed record NotOpen(IReadOnlyList<string> CaseIds) : LookUpResult;

    /// <summary>The children matched exactly one open case (MOU 2.3.4).</summary>
    public sealed record Open(string CaseId, IReadOnlyList<string> AlsoMatched) : LookUpResult;

    /// <summary>A person must decide: a doubtful match, or more than one open case.</summary>
    public sealed record Doubtful(IReadOnlyList<string> CaseIds, string Why) : LookUpResult;
}
