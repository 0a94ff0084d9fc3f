using Contact.Server.Domain.Common;
using Contact.Server.Security;
using Contact.Server.Storage;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using V1 = Contact.V1;

namespace Contact.Server.Services;

/// <summary>The audit trail over gRPC: query by principal, case, resource and time; verify the chain.</summary>
public sealed class AuditService(AuditTrail trail) : V1.AuditService.AuditServiceBase
{
    public override Task<V1.ListAuditEntriesResponse> ListAuditEntries(V1.ListAuditEntriesRequest request, ServerCallContext context)
    {
        var v = new Validation();
        var size = v.PageSize(request.PageSize, defaultSize: 100, maxSize: 1000);
        long before = long.MaxValue;
        if (request.PageToken.Length > 0)
        {
            var token = PageToken.Decode(request.PageToken, v);
            if (token is not null && !long.TryParse(token, out before)) v.Add("page_token", "is not a token this server issued");
        }
        v.ThrowIfInvalid();
        var start = request.StartTime?.ToDateTimeOffset();
        var end = request.EndTime?.ToDateTimeOffset();

        var page = trail.Find(new AuditFilter(request.Principal, request.CaseNumber, request.Resource, start, end), before, size + 1);

        var response = new V1.ListAuditEntriesResponse();
        response.Entries.AddRange(page.Take(size).Select(ToProto));
        if (page.Count > size) response.NextPageToken = PageToken.Encode(page[size - 1].Sequence.ToString());
        return Task.FromResult(response);
    }

    public override Task<V1.VerifyAuditChainResponse> VerifyAuditChain(V1.VerifyAuditChainRequest request, ServerCallContext context)
    {
        var result = trail.Verify();
        return Task.FromResult(new V1.VerifyAuditChainResponse
        {
            Intact = result.Intact,
            EntriesChecked = result.EntriesChecked,
            FirstBrokenSequence = result.FirstBrokenSequence,
            Problem = result.Problem,
        });
    }

    private static V1.AuditEntry ToProto(AuditRecord r)
    {
        var proto = new V1.AuditEntry
        {
            Sequence = r.Sequence,
            Time = Timestamp.FromDateTimeOffset(r.Time),
            Principal = r.Principal,
            PrincipalDisplayName = r.PrincipalName,
            Method = r.Method,
            Outcome = r.Outcome.ToProto(),
            Detail = r.Detail,
            Hash = r.Hash,
        };
        proto.Roles.AddRange(r.Roles.Select(x => x.ToProto()));
        proto.Resources.AddRange(r.Resources);
        proto.Cases.AddRange(r.Cases);
        return proto;
    }
}
