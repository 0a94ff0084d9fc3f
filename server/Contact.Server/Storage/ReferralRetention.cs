using Contact.Server.Domain.Referrals;
using Contact.Server.Security;

namespace Contact.Server.Storage;

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
