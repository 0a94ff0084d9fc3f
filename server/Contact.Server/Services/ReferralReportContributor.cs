using Contact.Server.Domain.Reports;
using Contact.Server.Storage;

namespace Contact.Server.Services;

/// <summary>The referrals' sections of the MOU review report.</summary>
public sealed class ReferralReportContributor(ReferralRepository repository) : IReviewReportContributor
{
    public int Order => 200;

    public IEnumerable<ReportSection> Contribute(ReportPeriod period, DateOnly today) =>
        ReferralFigures.Sections(repository.List(new ReferralScope(true, null, null)).Select(d => d.Referral), period);
}
