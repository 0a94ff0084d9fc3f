using Contact.Server.Domain.Common;
using Contact.Server.Domain.Grants;
using Contact.Server.Domain.Register;
using Contact.Server.Security;
using Contact.Server.Storage;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using V1 = Contact.V1;

namespace Contact.Server.Services;

/// <summary>Annual grants to accredited supported centres over gRPC (MOU 2.4.2).</summary>
public sealed class GrantService(GrantRepository repository, RegisterIndex register, TimeProvider time)
    : V1.GrantService.GrantServiceBase
{
    private DateOnly Today => UkClock.Today(time);

    public override async Task<V1.GrantRound> CreateGrantRound(V1.CreateGrantRoundRequest request, ServerCallContext context)
    {
        var p = request.GrantRound ?? throw RuleViolation.Invalid("grant_round", "is required");
        var year = FinancialYear.Parse(p.FinancialYear);
        new Validation()
            .Require(year is not null, "grant_round.financial_year", "must be a financial year \"YYYY-YY\", e.g. \"2026-27\" (1 April to 31 March)")
            .Require(p.BudgetPence > 0, "grant_round.budget_pence", "must be more than zero")
            .ThrowIfInvalid();
        var round = await repository.CreateRoundAsync(new GrantRound { Id = year!.Value.ToString(), BudgetPence = p.BudgetPence }, context.Caller().Audit);
        return ToProto(round, []);
    }

    public override Task<V1.GrantRound> GetGrantRound(V1.GetGrantRoundRequest request, ServerCallContext context)
    {
        var id = RoundId(request.Name, "name");
        var round = repository.Round(id) ?? throw RuleViolation.NotFound(GrantNames.Round(id));
        return Task.FromResult(ToProto(round, repository.Applications(id)));
    }

    public override Task<V1.ListGrantRoundsResponse> ListGrantRounds(V1.ListGrantRoundsRequest request, ServerCallContext context)
    {
        var applications = repository.Applications().ToLookup(a => a.RoundId);
        var response = new V1.ListGrantRoundsResponse();
        response.GrantRounds.AddRange(repository.Rounds().OrderByDescending(r => r.Id, StringComparer.Ordinal).Select(r => ToProto(r, applications[r.Id])));
        return Task.FromResult(response);
    }

    public override async Task<V1.GrantApplication> ApplyForGrant(V1.ApplyForGrantRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var roundId = RoundId(request.Parent, "parent");
        var p = request.Application ?? throw RuleViolation.Invalid("application", "is required");
        var v = new Validation();
        var centreId = Names.CentreId(p.Centre, "application.centre", v);
        v.Require(p.RequestedPence > 0, "application.requested_pence", "must be more than zero")
            .OptionalText(p.Purpose, "application.purpose", 2000)
            .ThrowIfInvalid();
        // A contact centre applies only for itself.
        GrantAccess.CheckApplyFor(caller.Principal, centreId!);
        var centre = register.Get(centreId!) ?? throw RuleViolation.NotFound(Names.Centre(centreId!));
        var today = Today;
        GrantRules.RequireEligible(centre, today);

        var application = new GrantApplication
        {
            RoundId = roundId,
            CentreId = centre.Id,
            CentreDisplayName = centre.DisplayName,
            RequestedPence = p.RequestedPence,
            Purpose = p.Purpose.Trim(),
        };
        var stored = await repository.ApplyAsync(application, round => GrantRules.RequireOpen(round, today), caller.Audit);
        return ToProto(stored, today);
    }

    public override async Task<V1.GrantApplication> AwardGrant(V1.AwardGrantRequest request, ServerCallContext context)
    {
        var (roundId, id) = ApplicationId(request.Name);
        new Validation()
            .Require(request.AmountPence > 0, "amount_pence", "must be more than zero")
            .OptionalText(request.Note, "note", 2000)
            .ThrowIfInvalid();
        var stored = await repository.DecideAsync(roundId, id, (round, awarded, application) =>
        {
            // Inside the write: the accreditation and the budget are checked against what is
            // current when the award is recorded.
            var today = UkClock.Today(time);
            GrantRules.CheckAward(round, awarded, application, request.AmountPence, register.Get(application.CentreId), today);
            application.Status = GrantApplicationStatus.Awarded;
            application.AwardedPence = request.AmountPence;
            application.DecisionNote = request.Note.Trim();
        }, context.Caller().Audit);
        return ToProto(stored, Today);
    }

    public override async Task<V1.GrantApplication> DeclineGrantApplication(V1.DeclineGrantApplicationRequest request, ServerCallContext context)
    {
        var (roundId, id) = ApplicationId(request.Name);
        new Validation().RequireText(request.Reason, "reason", 2000).ThrowIfInvalid();
        var stored = await repository.DecideAsync(roundId, id, (_, _, application) =>
        {
            GrantRules.RequirePending(application);
            application.Status = GrantApplicationStatus.Declined;
            application.DecisionNote = request.Reason.Trim();
        }, context.Caller().Audit);
        return ToProto(stored, Today);
    }

    public override Task<V1.ListGrantApplicationsResponse> ListGrantApplications(V1.ListGrantApplicationsRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var roundId = RoundId(request.Parent, "parent");
        var v = new Validation();
        var status = request.Status.ToDomain("status", v);
        v.ThrowIfInvalid();
        if (repository.Round(roundId) is null) throw RuleViolation.NotFound(GrantNames.Round(roundId));
        // A contact centre sees only its own application; NCT and auditors see the round.
        var today = Today;
        var response = new V1.ListGrantApplicationsResponse();
        response.Applications.AddRange(repository.Applications(roundId)
            .Where(a => GrantAccess.MaySee(caller.Principal, a)
                && (status == GrantApplicationStatus.Unspecified || a.Status == status)
                && (!request.FlaggedOnly || a.Flagged))
            .Select(a => ToProto(a, today)));
        return Task.FromResult(response);
    }

    private static V1.GrantRound ToProto(GrantRound r, IEnumerable<GrantApplication> applications)
    {
        var list = applications.ToList();
        var awarded = list.Where(a => a.Status == GrantApplicationStatus.Awarded).Sum(a => a.AwardedPence);
        return new V1.GrantRound
        {
            Name = r.ResourceName,
            FinancialYear = r.Id,
            BudgetPence = r.BudgetPence,
            AwardedPence = awarded,
            RemainingPence = r.BudgetPence - awarded,
            StartDate = r.Year.Start.ToProto(),
            EndDate = r.Year.End.ToProto(),
            ApplicationCount = list.Count,
            AwardedCount = list.Count(a => a.Status == GrantApplicationStatus.Awarded),
            CreateTime = Timestamp.FromDateTimeOffset(r.Created),
        };
    }

    private V1.GrantApplication ToProto(GrantApplication a, DateOnly today)
    {
        var proto = new V1.GrantApplication
        {
            Name = a.ResourceName,
            Centre = Names.Centre(a.CentreId),
            CentreDisplayName = a.CentreDisplayName,
            RequestedPence = a.RequestedPence,
            Purpose = a.Purpose,
            Status = a.Status.ToProto(),
            AwardedPence = a.AwardedPence,
            Flagged = a.Flagged,
            FlagReason = a.FlagReason ?? "",
            CentreAccreditedNow = register.Get(a.CentreId) is { } c && GrantRules.IsEligible(c, today),
            DecisionNote = a.DecisionNote ?? "",
            CreateTime = Timestamp.FromDateTimeOffset(a.Created),
        };
        if (a.Decided is { } decided) proto.DecideTime = Timestamp.FromDateTimeOffset(decided);
        return proto;
    }

    private static string RoundId(string name, string field) =>
        GrantNames.RoundId(name) ?? throw RuleViolation.Invalid(field, "must be \"grantRounds/{financial_year}\", e.g. \"grantRounds/2026-27\"");

    private static (string Round, string Id) ApplicationId(string name) =>
        GrantNames.ApplicationId(name) ?? throw RuleViolation.Invalid("name", "must be \"grantRounds/{financial_year}/applications/{application}\"");
}
