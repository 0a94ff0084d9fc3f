using Contact.Server.Security;

namespace Contact.Server.Storage;

/// <summary>
/// A case as stored: the few fields needed to find it in clear (case number, allocated FCA, keyed
/// blind indexes of its children), and the whole case, children and parties included, sealed with
/// AES-GCM (<see cref="FieldProtector"/>). A child's name, date of birth or address never reaches
/// the file in clear.
/// </summary>
public sealed class CaseDocument : IRetainable
{
    public string Id { get; set; } = "";
    public string CaseNumber { get; set; } = "";
    public string? FcaId { get; set; }
    public List<string> BlindKeys { get; set; } = [];
    public string Sealed { get; set; } = "";
    /// <summary>
    /// Set while the case is closed, from its closing date; an open case (or one reopened) has none:
    /// the case system decides when a case is live, and a live case is never purged.
    /// </summary>
    public DateTimeOffset? RetainUntil { get; set; }
}
