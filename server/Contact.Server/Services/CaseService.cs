using Contact.Server.Domain.Cases;
using Contact.Server.Domain.Common;
using Contact.Server.Security;
using Contact.Server.Storage;
using Grpc.Core;
using V1 = Contact.V1;

namespace Contact.Server.Services;

/// <summary>The case index over gRPC, kept in step by the case system.</summary>
public sealed class CaseService(CaseRepository repository, TimeProvider time) : V1.CaseService.CaseServiceBase
{
    private const int MaxBatch = 1_000;

    private DateOnly Today => UkClock.Today(time);

    public override async Task<V1.Case> CreateCase(V1.CreateCaseRequest request, ServerCallContext context)
    {
        if (request.Case is null) throw RuleViolation.Invalid("case", "is required");
        var c = Read(request.Case, "case");
        return (await repository.CreateAsync(c, context.Caller().Audit)).ToProto();
    }

    public override async Task<V1.Case> UpdateCase(V1.UpdateCaseRequest request, ServerCallContext context)
    {
        if (request.Case is null) throw RuleViolation.Invalid("case", "is required");
        var id = CaseId(request.Case.Name, "case.name");
        var paths = request.UpdateMask?.Paths.ToList() ?? [];
        var v = new Validation().Require(paths.Count > 0, "update_mask", "name the fields to change");
        foreach (var path in paths.Where(p => !CaseRules.UpdatablePaths.Contains(p)))
            v.Add("update_mask", $"'{path}' cannot be updated; updatable: {string.Join(", ", CaseRules.UpdatablePaths)}");
        var changes = request.Case.ToDomain("case", v);
        v.ThrowIfInvalid();
        var today = Today;
        var stored = await repository.UpdateAsync(id, request.Case.Etag, c =>
        {
            CaseRules.ApplyMask(changes, c, paths);
            CaseRules.Validate(c, today);
        }, context.Caller().Audit);
        return stored.ToProto();
    }

    public override async Task<V1.Case> CloseCase(V1.CloseCaseRequest request, ServerCallContext context)
    {
        var id = CaseId(request.Name, "name");
        var v = new Validation();
        var today = Today;
        var closed = request.ClosedDate.ToDomain("closed_date", v) ?? today;
        v.ThrowIfInvalid();
        var stored = await repository.UpdateAsync(id, null, c =>
        {
            if (!c.IsOpen) throw new RuleViolation(RefusalKind.FailedPrecondition, Reasons.FailedPrecondition, $"{c.ResourceName} is already closed.");
            c.Status = CaseStatus.Closed;
            c.Closed = closed;
            CaseRules.Validate(c, today, prefix: "case");
        }, context.Caller().Audit);
        return stored.ToProto();
    }

    public override async Task<V1.BatchUpsertCasesResponse> BatchUpsertCases(V1.BatchUpsertCasesRequest request, ServerCallContext context)
    {
        new Validation()
            .Require(request.Cases.Count > 0, "cases", "at least one case is required")
            .Require(request.Cases.Count <= MaxBatch, "cases", $"at most {MaxBatch} cases")
            .Require(request.Cases.Select(c => c.CaseNumber.Trim()).Distinct().Count() == request.Cases.Count, "cases", "case numbers must be unique in one batch")
            .ThrowIfInvalid();
        // All or nothing: every invalid row is reported together, and nothing is stored.
        var rows = new List<CaseRecord>();
        var problems = new List<FieldProblem>();
        for (var i = 0; i < request.Cases.Count; i++)
        {
            try { rows.Add(Read(request.Cases[i], $"cases[{i}]")); }
            catch (RuleViolation refused) { problems.AddRange(refused.Fields.Count > 0 ? refused.Fields : [new($"cases[{i}]", refused.Message)]); }
        }
        if (problems.Count > 0)
            throw new RuleViolation(RefusalKind.Invalid, Reasons.InvalidRequest, string.Join("; ", problems.Select(p => $"{p.Field}: {p.Description}")), null, problems);
        var (stored, created) = await repository.UpsertAsync(rows, context.Caller().Audit);
        var response = new V1.BatchUpsertCasesResponse { CreatedCount = created, UpdatedCount = stored.Count - created };
        response.Cases.AddRange(stored.Select(c => c.ToProto()));
        return response;
    }

    public override Task<V1.Case> GetCase(V1.GetCaseRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var id = CaseId(request.Name, "name");
        // A practitioner reads only a case allocated to them; others' cases look absent.
        var c = CaseAccess.Readable(caller.Principal, repository.Get(id), request.Name);
        caller.Audit.Touch(c.ResourceName).Case(c.CaseNumber);
        return Task.FromResult(c.ToProto());
    }

    private CaseRecord Read(V1.Case proto, string prefix)
    {
        var v = new Validation();
        var c = proto.ToDomain(prefix, v);
        v.ThrowIfInvalid();
        CaseRules.Validate(c, Today, prefix);
        return c;
    }

    internal static string CaseId(string name, string field) =>
        CaseNames.CaseId(name) ?? throw RuleViolation.Invalid(field, "must be \"cases/{case}\"");
}
