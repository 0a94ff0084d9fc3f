using Contact.Server.Domain.Common;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Contact.Server.Services;

/// <summary>
/// Turns domain refusals into gRPC statuses with machine-readable details: ErrorInfo (reason,
/// domain, clause) and BadRequest field violations. Anything unexpected becomes INTERNAL with no
/// stack trace on the wire.
/// </summary>
public static class ErrorMapper
{
    public const string Domain = "contact.cafcass.gov.uk";

    public static RpcException ToRpcException(RuleViolation violation, StatusCode? code = null)
    {
        var status = new Google.Rpc.Status
        {
            Code = (int)(code ?? CodeFor(violation.Kind)),
            Message = violation.Message,
        };
        var info = new ErrorInfo { Reason = violation.Reason, Domain = Domain };
        if (violation.Clause is not null) info.Metadata["clause"] = violation.Clause;
        status.Details.Add(Any.Pack(info));
        if (violation.Fields.Count > 0)
        {
            var badRequest = new BadRequest();
            foreach (var field in violation.Fields)
                badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = field.Field, Description = field.Description });
            status.Details.Add(Any.Pack(badRequest));
        }
        return status.ToRpcException();
    }

    /// <summary>
    /// DATA_LOSS for a call that needed part of the store that cannot be read (a damaged file). The
    /// caller learns nothing of the file; operators find it in the log and with check-store.
    /// </summary>
    public static RpcException StoreDamaged() => new Google.Rpc.Status
    {
        Code = (int)StatusCode.DataLoss,
        Message = "The store could not read what this call needs: it is damaged. The operators have been told (check-store, restore from a backup).",
        Details = { Any.Pack(new ErrorInfo { Reason = "STORE_DAMAGED", Domain = Domain }) },
    }.ToRpcException();

    public static StatusCode CodeFor(RefusalKind kind) => kind switch
    {
        RefusalKind.Invalid => StatusCode.InvalidArgument,
        RefusalKind.NotFound => StatusCode.NotFound,
        RefusalKind.FailedPrecondition => StatusCode.FailedPrecondition,
        RefusalKind.StaleEtag => StatusCode.Aborted,
        RefusalKind.AlreadyExists => StatusCode.AlreadyExists,
        RefusalKind.PermissionDenied => StatusCode.PermissionDenied,
        _ => StatusCode.Internal,
    };
}

/// <summary>Maps exceptions thrown by services to statuses; runs inside the access interceptor.</summary>
public sealed class ErrorInterceptor(ILogger<ErrorInterceptor> log) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try { return await continuation(request, context); }
        catch (Exception ex) when (ex is not RpcException) { throw Map(ex, context); }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { return await continuation(requestStream, context); }
        catch (Exception ex) when (ex is not RpcException) { throw Map(ex, context); }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { await continuation(request, responseStream, context); }
        catch (Exception ex) when (ex is not RpcException) { throw Map(ex, context); }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { await continuation(requestStream, responseStream, context); }
        catch (Exception ex) when (ex is not RpcException) { throw Map(ex, context); }
    }

    private RpcException Map(Exception ex, ServerCallContext context)
    {
        switch (ex)
        {
            case RuleViolation violation:
                return ErrorMapper.ToRpcException(violation);
            case not null when Storage.StoreDamagedException.IsDamage(ex):
                log.LogCritical("The store is damaged: {Problem} in {Method}. Run check-store and restore the newest backup that verifies.",
                    Storage.StoreDamagedException.Describe(ex), context.Method);
                return ErrorMapper.StoreDamaged();
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return new RpcException(new Grpc.Core.Status(StatusCode.Cancelled, "The call was cancelled."));
            default:
                log.LogError(ex, "Unhandled error in {Method}", context.Method);
                return new RpcException(new Grpc.Core.Status(StatusCode.Internal, "An internal error occurred; it has been logged."));
        }
    }
}
