using Contact.Server.Domain.Common;
using Contact.Server.Services;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Contact.Server.Security;

/// <summary>
/// Authenticates every call (authorization: Bearer key), holds it to the policy table, makes the
/// caller available to the services, and writes the audit entry for reads of children's data and
/// for refusals. Runs outermost, so it sees the final status of every call.
/// </summary>
public sealed class AccessInterceptor(Credentials credentials, AuditTrail trail, ILogger<AccessInterceptor> log) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var (policy, audit) = await AdmitAsync(context);
        return await Audited(policy, audit, () => continuation(request, context));
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var (policy, audit) = await AdmitAsync(context);
        return await Audited(policy, audit, () => continuation(requestStream, context));
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var (policy, audit) = await AdmitAsync(context);
        await Audited(policy, audit, async () => { await continuation(request, responseStream, context); return true; }, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var (policy, audit) = await AdmitAsync(context);
        await Audited(policy, audit, async () => { await continuation(requestStream, responseStream, context); return true; });
    }

    private async Task<(RpcPolicy Policy, CallAudit? Audit)> AdmitAsync(ServerCallContext context)
    {
        var policy = AccessPolicy.For(context.Method);
        if (policy is { Public: true }) return (policy, null);

        var principal = Authenticate(context);
        if (principal is null)
            throw ErrorMapper.ToRpcException(new RuleViolation(RefusalKind.PermissionDenied, Reasons.Unauthenticated,
                "A valid API key is required: send metadata 'authorization: Bearer <key>'."), StatusCode.Unauthenticated);

        var audit = new CallAudit(principal, context.Method);
        if (policy is null || !policy.Allows(principal))
        {
            log.LogWarning("Denied {Method} to {Principal}", context.Method, principal.ResourceName);
            await RecordAsync(audit, AuditOutcome.Denied, policy is null ? "no access policy is declared for this method" : "role not allowed");
            throw ErrorMapper.ToRpcException(new RuleViolation(RefusalKind.PermissionDenied, Reasons.PermissionDenied, RoleDenied));
        }

        context.UserState[CallerKey] = new Caller(principal, audit);
        return (policy, audit);
    }

    /// <param name="stream">The context of a server stream, whose normal end is the client leaving; null for other calls.</param>
    private async Task<T> Audited<T>(RpcPolicy policy, CallAudit? audit, Func<Task<T>> call, ServerCallContext? stream = null)
    {
        T result;
        try
        {
            result = await call();
        }
        catch (RpcException closed) when (closed.StatusCode == StatusCode.Cancelled && audit is not null && policy.Audit != AuditKind.None
            && stream is { CancellationToken.IsCancellationRequested: true })
        {
            // A Watch* stream runs until the client closes it (ErrorInterceptor turns that into Cancelled):
            // a normal end, recorded with what it sent.
            await RecordAsync(audit, AuditOutcome.Ok, "client closed the stream");
            throw;
        }
        catch (Exception ex) when (audit is not null && policy.Audit != AuditKind.None)
        {
            // Not only refusals: a stream that fails may already have disclosed part of its answer.
            // Behind ErrorInterceptor every exception is an RpcException; the other case guards direct use.
            var outcome = ex is RpcException { StatusCode: StatusCode.PermissionDenied } ? AuditOutcome.Denied : AuditOutcome.Failed;
            var detail = ex is RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : $"ended early ({ex.GetType().Name})";
            await RecordAsync(audit, outcome, detail);
            throw;
        }
        if (audit is not null && policy.Audit == AuditKind.SensitiveRead)
            await RecordAsync(audit, AuditOutcome.Ok);
        return result;
    }

    /// <summary>
    /// Records the call; where the store is too damaged to take the record, the call fails with
    /// DATA_LOSS: an answer whose audit record was not kept is not given.
    /// </summary>
    private async Task RecordAsync(CallAudit audit, AuditOutcome outcome, string detail = "")
    {
        try
        {
            await trail.RecordAsync(audit, outcome, detail);
        }
        catch (Exception ex) when (Storage.StoreDamagedException.IsDamage(ex))
        {
            log.LogCritical("The store is damaged and could not take an audit record: {Problem}. Run check-store and restore the newest backup that verifies.",
                Storage.StoreDamagedException.Describe(ex));
            throw ErrorMapper.StoreDamaged();
        }
    }

    private Principal? Authenticate(ServerCallContext context)
    {
        var header = context.RequestHeaders.GetValue("authorization");
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            return credentials.Authenticate(header["Bearer ".Length..].Trim());
        }
        catch (Exception ex) when (Storage.StoreDamagedException.IsDamage(ex))
        {
            // The keys cannot be read: no call can be admitted, and none may be told more than that.
            log.LogCritical("The store is damaged where the API keys are kept: {Problem}. Run check-store and restore the newest backup that verifies.",
                Storage.StoreDamagedException.Describe(ex));
            throw ErrorMapper.StoreDamaged();
        }
    }

    internal const string CallerKey = "contact.caller";

    /// <summary>The detail of a refusal by the policy table (object-level refusals by the services say why in their own words).</summary>
    public const string RoleDenied = "The caller's roles do not allow this call.";
}
