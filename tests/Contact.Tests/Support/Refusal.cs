using Contact.Client;
using Grpc.Core;

namespace Contact.Tests.Support;

public static class Refusal
{
    /// <summary>Awaits a call that must be refused with <paramref name="code"/>; returns the typed error.</summary>
    public static async Task<ContactError> Expect(StatusCode code, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, ex.StatusCode);
        return ex.ToContactError();
    }

    public static Task<ContactError> Expect<T>(StatusCode code, Func<AsyncUnaryCall<T>> call) =>
        Expect(code, async () => await call());
}
