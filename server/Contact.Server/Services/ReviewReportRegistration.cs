using Contact.Server.Domain.InformationSharing;
using Contact.Server.Domain.Register;
using Contact.Server.Domain.Reports;
using Contact.Server.Storage;

namespace Contact.Server.Services;

/// <summary>The register's sections of the MOU review report.</summary>
public sealed class RegisterReportContributor(RegisterIndex index, RegisterRepository repository) : IReviewReportContributor
{
    public int Order => 100;

    public IEnumerable<ReportSection> Contribute(ReportPeriod period, DateOnly today) =>
        RegisterFigures.Sections(index.All(), repository.ChangesAfter(0, null, int.MaxValue), period, today);
}

/// <summary>The referrals' sections of the MOU review report.</summary>
public sealed class ReferralReportContributor(ReferralRepository repository) : IReviewReportContributor
{
    public int Order => 200;

    public IEnumerable<ReportSection> Contribute(ReportPeriod period, DateOnly today) =>
        ReferralFigures.Sections(repository.List(new ReferralScope(true, null, null)).Select(d => d.Referral), period);
}

/// <summary>The Safe Referral System's sections of the MOU review report.</summary>
public sealed class SharingReportContributor(SharingRepository repository, CallCentreHours hours) : IReviewReportContributor
{
    public int Order => 300;

    public IEnumerable<ReportSection> Contribute(ReportPeriod period, DateOnly today) =>
        SharingFigures.Sections(repository.List(null, null), period, hours);
}

/// <summary>The concerns' sections of the MOU review report.</summary>
public sealed class ConcernReportContributor(ConcernRepository repository) : IReviewReportContributor
{
    public int Order => 400;

    public IEnumerable<ReportSection> Contribute(ReportPeriod period, DateOnly today) => ConcernFigures.Sections(repository.All(), period);
}

/// <summary>The grants' section of the MOU review report.</summary>
public sealed class GrantReportContributor(GrantRepository repository) : IReviewReportContributor
{
    public int Order => 500;

    public IEnumerable<ReportSection> Contribute(ReportPeriod period, DateOnly today) => GrantFigures.Sections(repository.Rounds(), repository.Applications(), period);
}

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
