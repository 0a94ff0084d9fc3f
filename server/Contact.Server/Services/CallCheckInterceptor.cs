using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Contact.Server.Services;

/// <summary>
/// An interceptor that checks every call as it arrives, before its handler runs, and otherwise lets
/// it through unchanged: one override per kind of call, so that a check cannot miss one.
/// </summary>
public abstract class CallCheckInterceptor : Interceptor
{
    /// <summary>
    /// Throws to refuse the call. <paramref name="request"/> is the request message of a unary or
    /// server-streaming call, null for a call whose requests arrive as a stream.
    /// </summary>
    protected abstract void Check(object? request, ServerCallContext context);

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(request, context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(null, context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(request, context);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(null, context);
        return continuation(requestStream, responseStream, context);
    }
}
