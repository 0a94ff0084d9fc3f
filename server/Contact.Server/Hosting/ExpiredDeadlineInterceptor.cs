using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Contact.Server.Hosting;

/// <summary>
/// Refuses a call whose deadline has already passed when it arrives (e.g. grpc-timeout: 1n), before
/// any work: grpc-dotnet would otherwise run the handler, and a write would be stored although the
/// caller is told DEADLINE_EXCEEDED. (A deadline that passes while a write waits for the disk
/// still leaves its outcome unknown to the caller, as gRPC deadlines always do.)
/// </summary>
public sealed class ExpiredDeadlineInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        RefuseIfExpired(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        RefuseIfExpired(context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        RefuseIfExpired(context);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        RefuseIfExpired(context);
        return continuation(requestStream, responseStream, context);
    }

    private static void RefuseIfExpired(ServerCallContext context)
    {
        if (context.Deadline <= DateTime.UtcNow || context.CancellationToken.IsCancellationRequested)
            throw new RpcException(new Status(StatusCode.DeadlineExceeded, "The call's deadline had passed before it started; nothing was done."));
    }
}
