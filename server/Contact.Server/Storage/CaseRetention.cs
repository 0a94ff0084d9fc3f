using Contact.Server.Domain.Cases;
using Contact.Server.Security;

namespace Contact.Server.Storage;

/// <summary>
/// Closed cases, 25 years after closure, are purged with their information-sharing requests,
/// disclosures (MOU 2.3.5) and FCA notifications: those say nothing once their case is gone.
/// </summary>
public sealed class CaseRetention : IRetentionArea
{
    public string Kind => CaseRepository.RetentionKind;
    public RetentionPeriod DefaultPeriod => RetentionPeriod.OfYears(25);
    public RetentionAction Action => RetentionAction.Purge;

    public IReadOnlyList<string> Expire(WriteScope scope, DateTimeOffset now, int limit)
    {
        var names = new List<string>();
        foreach (var document in RetentionQuery.Due<CaseDocument>(scope, CaseRepository.CollectionName, now, limit))
        {
            SharingRepository.DeleteOfCase(scope, document.Id);
            CaseRepository.Cases(scope).Delete(document.Id);
            names.Add(CaseNames.Case(document.Id));
        }
        return names;
    }
}
