using Contact.Server.Domain.InformationSharing;
using Contact.Server.Domain.Reports;
using Contact.Server.Storage;

namespace Contact.Server.Services;

/// <summary>The Safe Referral System's sections of the MOU review report.</summary>
public sealed class SharingReportContributor(SharingRepository repository, CallCentreHours hours) : IReviewReportContributor
{
    public int Order => 300;

    public IEnumerable<ReportSection> Contribute(ReportPeriod period, DateOnly today) =>
        SharingFigures.Sections(repository.List(null, null), period, hours);
}
