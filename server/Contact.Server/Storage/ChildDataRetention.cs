using Contact.Server.Domain.Cases;
using Contact.Server.Domain.Referrals;
using Contact.Server.Security;

namespace Contact.Server.Storage;

/// <summary>
/// The records that hold a child's data, under retention. Each area's default period is
/// below; Contact:Retention:Periods:&lt;kind&gt; overrides it. The retention table in docs/operations.md says why.
/// </summary>
public static class ChildDataRetention
{
    public static IServiceCollection AddChildDataRetention(this IServiceCollection services)
    {
        services.AddSingleton<IRetentionArea, ReferralRetention>();
        services.AddSingleton<IRetentionArea, CaseRetention>();
        services.AddRetainedRecords<SharingRequestDocument>(SharingRepository.RetentionKind, SharingRepository.RequestsName,
            RetentionPeriod.OfYears(2), d => CaseNames.Request(d.Id));
        return services;
    }
}

/// <summary>
/// Closed referrals, 6 years after closure, are anonymised (<see cref="ReferralRepository.Anonymise"/>),
/// and so is every snapshot of them in the referral change log, in the same transaction.
/// </summary>
public sealed class ReferralRetention : IRetentionArea
{
    public string Kind => ReferralRepository.RetentionKind;
    public RetentionPeriod DefaultPeriod => RetentionPeriod.OfYears(6);
    public RetentionAction Action => RetentionAction.Anonymise;

    public IReadOnlyList<string> Expire(WriteScope scope, DateTimeOffset now, int limit)
    {
        var referrals = scope.Collection<ReferralDocument>(ReferralRepository.Collection);
        var events = scope.Collection<ReferralEvent>(ReferralRepository.EventCollection);
        var names = new List<string>();
        foreach (var document in RetentionQuery.Due<ReferralDocument>(scope, ReferralRepository.Collection, now, limit))
        {
            // Only a closing transition dates a referral; should live work ever carry a date, it loses it instead.
            if (document.Referral.IsOpen)
            {
                document.RetainUntil = null;
                referrals.Update(document);
                continue;
            }
            ReferralRepository.Anonymise(document);
            referrals.Update(document);
            foreach (var change in events.Find(e => e.ReferralId == document.Id).ToList())
            {
                ReferralRepository.Anonymise(change.Snapshot);
                events.Update(change);
            }
            names.Add(ReferralNames.Of(document.Id));
        }
        return names;
    }
}

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
