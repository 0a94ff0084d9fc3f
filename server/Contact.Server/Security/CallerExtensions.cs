using Grpc.Core;

namespace Contact.Server.Security;

public static class CallerExtensions
{
    /// <summary>The caller admitted by <see cref="AccessInterceptor"/>.</summary>
    public static Caller Caller(this ServerCallContext context) =>
        context.UserState.TryGetValue(AccessInterceptor.CallerKey, out var caller) && caller is Caller c
            ? c
            : throw new InvalidOperationException("No caller: the access interceptor did not run for this call.");
}
