using Contact.Server.Domain.Reports;
using Contact.Server.Storage;

namespace Contact.Server.Services;

/// <summary>The grants' section of the MOU review report.</summary>
public sealed class GrantReportContributor(GrantRepository repository) : IReviewReportContributor
{
    public int Order => 500;

    public IEnumerable<ReportSection> Contribute(ReportPeriod period, DateOnly today) => GrantFigures.Sections(repository.Rounds(), repository.Applications(), period);
}
