using Contact.Server.Services;
using Grpc.Core;

namespace Contact.Server.Hosting;

/// <summary>
/// Refuses a call whose deadline has already passed when it arrives (e.g. grpc-timeout: 1n), before
/// any work: grpc-dotnet would otherwise run the handler, and a write would be stored although the
/// caller is told DEADLINE_EXCEEDED. (A deadline that passes while a write waits for the disk
/// still leaves its outcome unknown to the caller, as gRPC deadlines always do.)
/// </summary>
public sealed class ExpiredDeadlineInterceptor : CallCheckInterceptor
{
    protected override void Check(object? request, ServerCallContext context)
    {
        if (context.Deadline <= DateTime.UtcNow || context.CancellationToken.IsCancellationRequested)
            throw new RpcException(new Status(StatusCode.DeadlineExceeded, "The call's deadline had passed before it started; nothing was done."));
    }
}
