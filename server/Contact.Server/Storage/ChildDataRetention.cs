using Contact.Server.Domain.Cases;
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
