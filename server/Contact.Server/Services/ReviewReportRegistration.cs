using Contact.Server.Domain.Reports;

namespace Contact.Server.Services;

public static class ReviewReportRegistration
{
    /// <summary>
    /// Registers the review report's contributors. Another area adds its own with
    /// <c>services.AddSingleton&lt;IReviewReportContributor, MyContributor&gt;()</c>.
    /// </summary>
    public static IServiceCollection AddReviewReportContributors(this IServiceCollection services)
    {
        services.AddSingleton<IReviewReportContributor, RegisterReportContributor>();
        services.AddSingleton<IReviewReportContributor, ReferralReportContributor>();
        services.AddSingleton<IReviewReportContributor, SharingReportContributor>();
        services.AddSingleton<IReviewReportContributor, ConcernReportContributor>();
        services.AddSingleton<IReviewReportContributor, GrantReportContributor>();
        return services;
    }
}
