using Contact.Server.Domain.Common;
using Contact.Server.Domain.Reports;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using V1 = Contact.V1;

namespace Contact.Server.Services;

/// <summary>The MOU's dates and the annual review report (MOU 3, 5) over gRPC.</summary>
public sealed class ReportService(IEnumerable<IReviewReportContributor> contributors, MouOptions mou, TimeProvider time)
    : V1.ReportService.ReportServiceBase
{
    private const int MaxPeriodDays = 3653;

    public override Task<V1.MouTerms> GetMouTerms(V1.GetMouTermsRequest request, ServerCallContext context) =>
        Task.FromResult(Terms(UkClock.Today(time)));

    public override Task<V1.ReviewReport> GetReviewReport(V1.GetReviewReportRequest request, ServerCallContext context)
    {
        var today = UkClock.Today(time);
        var period = Period(request.Period, today);
        var report = new V1.ReviewReport
        {
            Period = new V1.DateRange { StartDate = period.Start.ToProto(), EndDate = period.End.ToProto() },
            GenerateTime = Timestamp.FromDateTimeOffset(time.GetUtcNow()),
            Mou = Terms(today),
        };
        foreach (var s in ReviewReportBuilder.Build(contributors, period, today))
        {
            var section = new V1.ReportSection { Key = s.Key, Title = s.Title, Note = s.Note, Clauses = { s.Clauses }, Dimensions = { s.Dimensions }, Measures = { s.Measures } };
            section.Rows.AddRange(s.Rows.Select(r => new V1.ReportRow { Labels = { r.Labels }, Values = { r.Values } }));
            report.Sections.Add(section);
        }
        return Task.FromResult(report);
    }

    public override Task<V1.ExportReviewReportResponse> ExportReviewReport(V1.ExportReviewReportRequest request, ServerCallContext context)
    {
        var today = UkClock.Today(time);
        var period = Period(request.Period, today);
        return Task.FromResult(new V1.ExportReviewReportResponse
        {
            Csv = ReviewReportBuilder.ToCsv(period, ReviewReportBuilder.Build(contributors, period, today)),
            Filename = $"mou-review-{period.Start:yyyy-MM-dd}-to-{period.End:yyyy-MM-dd}.csv",
        });
    }

    private V1.MouTerms Terms(DateOnly today)
    {
        var reviews = mou.ReviewDates();
        var terms = new V1.MouTerms
        {
            SignedDate = mou.SignedDate.ToProto(),
            TermMonths = mou.TermMonths,
            EndDate = mou.EndDate.ToProto(),
            InForce = mou.InForce(today),
            ReviewDueDates = { reviews.Select(d => d.ToProto()) },
        };
        if (mou.InForce(today) && reviews.FirstOrDefault(d => d >= today) is { } next && next != default) terms.NextReviewDueDate = next.ToProto();
        return terms;
    }

    /// <summary>The period asked for, or the twelve months up to and including today.</summary>
    private static ReportPeriod Period(V1.DateRange? range, DateOnly today)
    {
        if (range is null) return new ReportPeriod(today.AddYears(-1).AddDays(1), today);
        var v = new Validation();
        var start = range.StartDate.ToDomain("period.start_date", v);
        var end = range.EndDate.ToDomain("period.end_date", v);
        v.Require(range.StartDate is not null, "period.start_date", "is required");
        v.ThrowIfInvalid();
        var last = end ?? today;
        v.Require(last >= start!.Value, "period.end_date", "must not be before the start")
            .Require(last.DayNumber - start.Value.DayNumber < MaxPeriodDays, "period", "must be at most 10 years")
            .ThrowIfInvalid();
        return new ReportPeriod(start.Value, last);
    }
}
