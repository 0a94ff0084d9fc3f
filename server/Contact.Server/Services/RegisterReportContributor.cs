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
