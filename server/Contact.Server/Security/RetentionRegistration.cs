using Contact.Server.Storage;

namespace Contact.Server.Security;

public static class RetentionRegistration
{
    /// <summary>The schedule, the sweeper and the options (ContactHosting calls this once).</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Contact:Retention").Get<RetentionOptions>() ?? new RetentionOptions());
        services.AddSingleton<RetentionSchedule>();
        services.AddSingleton<RetentionSweeper>();
        return services;
    }

    /// <summary>
    /// Puts a collection of records holding a child's data under retention: past its date a record is
    /// purged, or anonymised by <paramref name="anonymise"/>. Called by each area's registration, e.g.
    /// <code>
    /// services.AddRetainedRecords&lt;Referral&gt;("referrals", "referrals", RetentionPeriod.OfYears(6), r => $"referrals/{r.Id}");
    /// // the record implements IRetainable; when written:  referral.RetainUntil = schedule.RetainUntil("referrals", createdAt);
    /// // and when closed:                                  referral.RetainUntil = schedule.RetainUntil("referrals", closedAt);
    /// </code>
    /// </summary>
    public static IServiceCollection AddRetainedRecords<T>(this IServiceCollection services, string kind, string collection,
        RetentionPeriod defaultPeriod, Func<T, string> resourceName, Func<T, T>? anonymise = null) where T : class, IRetainable =>
        services.AddSingleton<IRetentionArea>(new RetainedCollection<T>(kind, collection, defaultPeriod, resourceName, anonymise));
}
