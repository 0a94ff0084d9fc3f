using Contact.Server.Domain.Reports;
using Contact.Server.Storage;

namespace Contact.Server.Services;

/// <summary>The concerns' sections of the MOU review report.</summary>
public sealed class ConcernReportContributor(ConcernRepository repository) : IReviewReportContributor
{
    public int Order => 400;

    public IEnumerable<ReportSection> Contribute(ReportPeriod period, DateOnly today) => ConcernFigures.Sections(repository.All(), period);
}
