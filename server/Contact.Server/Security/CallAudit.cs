namespace Contact.Server.Security;

/// <summary>
/// What one call touched, gathered while it runs: services add the resources and cases; the store
/// writes the entry in the same transaction as the call's write, so an acknowledged write always has
/// its audit entry; the access interceptor writes it for reads and refusals.
/// </summary>
public sealed class CallAudit(Principal principal, string method)
{
    public Principal Principal { get; } = principal;
    public string Method { get; } = method;
    public List<string> Resources { get; } = [];
    public List<string> Cases { get; } = [];
    /// <summary>Set once the entry is written, so it is written once.</summary>
    public bool Recorded { get; internal set; }

    // Sets beside the lists: a long stream touches many names, and a list lookup per message is quadratic.
    private readonly HashSet<string> _resources = [];
    private readonly HashSet<string> _cases = [];

    public CallAudit Touch(string resource) { if (_resources.Add(resource)) Resources.Add(resource); return this; }
    public CallAudit Case(string caseNumber) { if (_cases.Add(caseNumber)) Cases.Add(caseNumber); return this; }

    public static CallAudit System(string job) => new(Security.Principal.System, job);
}
