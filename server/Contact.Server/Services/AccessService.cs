using Contact.Server.Domain.Common;
using Contact.Server.Domain.Register;
using Contact.Server.Security;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using V1 = Contact.V1;

namespace Contact.Server.Services;

/// <summary>API keys over gRPC.</summary>
public sealed class AccessService(Credentials credentials, RegisterIndex register, AuditTrail trail) : V1.AccessService.AccessServiceBase
{
    public override async Task<V1.IssueApiKeyResponse> IssueApiKey(V1.IssueApiKeyRequest request, ServerCallContext context)
    {
        var roles = request.Roles.Select(r => r.ToDomain()).ToList();
        string? centreId = null;
        if (request.Centre.Length > 0)
        {
            centreId = Names.RequireCentreId(request.Centre, "centre");
            if (register.Get(centreId) is null) throw RuleViolation.NotFound(request.Centre);
        }
        Credentials.Validate(request.DisplayName, roles, request.FcaId, centreId, request.ValidDays);
        var caller = context.Caller();
        var issued = await credentials.IssueAsync(request.DisplayName, roles, request.FcaId, centreId, request.ValidDays, caller.Principal, caller.Audit, trail);
        return new V1.IssueApiKeyResponse { ApiKey = ToProto(issued.Record), Secret = issued.Secret };
    }

    public override Task<V1.ListApiKeysResponse> ListApiKeys(V1.ListApiKeysRequest request, ServerCallContext context)
    {
        var v = new Validation();
        var size = v.PageSize(request.PageSize);
        var after = PageToken.Decode(request.PageToken, v);
        v.ThrowIfInvalid();
        var all = credentials.List(request.ShowInactive);
        // Oldest first, so an id cannot be placed by its key: a token naming no listed key is refused.
        var (page, next) = PageToken.Page(all, k => k.Id, after, size, orderedByKey: false);
        var response = new V1.ListApiKeysResponse { NextPageToken = next };
        response.ApiKeys.AddRange(page.Select(ToProto));
        return Task.FromResult(response);
    }

    public override async Task<V1.ApiKey> RevokeApiKey(V1.RevokeApiKeyRequest request, ServerCallContext context)
    {
        var id = Names.IdOf(request.Name, ApiKeyNames.Prefix) ?? throw RuleViolation.Invalid("name", "must be \"apiKeys/{api_key}\"");
        var caller = context.Caller();
        return ToProto(await credentials.RevokeAsync(id, caller.Audit, trail));
    }

    public override Task<V1.CallerIdentity> GetCallerIdentity(V1.GetCallerIdentityRequest request, ServerCallContext context)
    {
        var p = context.Caller().Principal;
        var identity = new V1.CallerIdentity
        {
            ApiKey = p.ResourceName,
            DisplayName = p.DisplayName,
            FcaId = p.FcaId ?? "",
            Centre = p.CentreId is null ? "" : Names.Centre(p.CentreId),
        };
        identity.Roles.AddRange(p.Roles.Order().Select(r => r.ToProto()));
        return Task.FromResult(identity);
    }

    private static V1.ApiKey ToProto(ApiKeyRecord k)
    {
        var proto = new V1.ApiKey
        {
            Name = ApiKeyNames.Of(k.Id),
            DisplayName = k.DisplayName,
            FcaId = k.FcaId ?? "",
            Centre = k.CentreId is null ? "" : Names.Centre(k.CentreId),
            CreateTime = Timestamp.FromDateTimeOffset(k.Created),
            ExpireTime = Timestamp.FromDateTimeOffset(k.Expires),
            IssuedBy = k.IssuedBy,
        };
        if (k.Revoked is { } revoked) proto.RevokeTime = Timestamp.FromDateTimeOffset(revoked);
        if (k.LastUsed is { } used) proto.LastUseTime = Timestamp.FromDateTimeOffset(used);
        proto.Roles.AddRange(k.Roles.Select(r => r.ToProto()));
        return proto;
    }
}
