using Contact.Client;
using Contact.Tests.Support;
using Google.Protobuf.Reflection;
using Grpc.Core;
using AccessInterceptor = Contact.Server.Security.AccessInterceptor;
using AccessPolicy = Contact.Server.Security.AccessPolicy;
using ServerRole = Contact.Server.Security.Role;
using WireRole = Contact.V1.Role;

namespace Contact.Tests.Integration;

/// <summary>One server and one key per role, shared by every row of the matrix.</summary>
public sealed class MatrixHost : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;
    public Dictionary<WireRole, ContactClient> ByRole { get; } = [];
    public ContactClient Anonymous { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await TestHost.StartAsync();
        foreach (var role in Enum.GetValues<WireRole>().Where(r => r != WireRole.Unspecified))
            ByRole[role] = await Host.ClientAsync(role, fcaId: "fca-matrix-1", centreId: "matrixcentre1");
        Anonymous = Host.Client(null);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// The policy matrix: every RPC of every contact.v1 service (discovered from the contracts, so new
/// services are covered without editing this file), called as every role and without a key, through
/// a real GrpcChannel with an empty message, checked against <see cref="AccessPolicy.Table"/>.
/// </summary>
public class AccessMatrixTests(MatrixHost fixture) : IClassFixture<MatrixHost>
{
    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(b => b, b => b);

    public static IEnumerable<object[]> Methods() => AllMethodDescriptors().Select(m => new object[] { $"/{m.Service.FullName}/{m.Name}" });

    private static IEnumerable<MethodDescriptor> AllMethodDescriptors() =>
        typeof(Contact.V1.RegisterService).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(ServiceDescriptor))
            .SelectMany(p => ((ServiceDescriptor)p!.GetValue(null)!).Methods)
            .DistinctBy(m => m.FullName)
            .OrderBy(m => m.FullName, StringComparer.Ordinal);

    [Fact]
    public void The_matrix_discovers_every_service()
    {
        var services = AllMethodDescriptors().Select(m => m.Service.FullName).Distinct().ToList();
        Assert.Contains("contact.v1.RegisterService", services);
        Assert.Contains("contact.v1.AccessService", services);
        Assert.Contains("contact.v1.AuditService", services);
        Assert.Contains("contact.v1.StoreService", services);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Every_role_gets_exactly_what_the_policy_declares(string fullName)
    {
        var descriptor = AllMethodDescriptors().Single(m => $"/{m.Service.FullName}/{m.Name}" == fullName);
        var policy = AccessPolicy.For(fullName);
        Assert.True(policy is not null, $"{fullName} has no access policy: add it to AccessPolicy.Table.");

        var (anonymous, _) = await CallAsync(fixture.Anonymous, descriptor);
        var problems = new List<string>();
        if (anonymous != StatusCode.Unauthenticated) problems.Add($"no key: got {anonymous}, expected Unauthenticated");

        // The policy's own refusal is told apart from an object-level one (a service refusing an
        // object that is not the caller's) by its detail: an allowed role may meet the latter.
        var calls = fixture.ByRole.Select(async pair =>
        {
            var allowed = policy.Roles.Contains((ServerRole)(int)pair.Key);
            var (status, detail) = await CallAsync(pair.Value, descriptor);
            var byPolicy = status == StatusCode.PermissionDenied && detail == AccessInterceptor.RoleDenied;
            if (!allowed && !byPolicy)
                return $"{pair.Key}: got {status} ({detail}), expected the policy's PermissionDenied";
            if (allowed && (byPolicy || status == StatusCode.Unauthenticated))
                return $"{pair.Key}: got {status}, but the policy allows it";
            if (allowed && status == StatusCode.Unimplemented)
                return $"{pair.Key}: got Unimplemented: is the service mapped in ContactHosting.MapContact?";
            return null;
        });
        problems.AddRange((await Task.WhenAll(calls)).OfType<string>());
        Assert.True(problems.Count == 0, $"{fullName}:\n  " + string.Join("\n  ", problems));
    }

    /// <summary>Calls the method with an empty message; returns the status it ended with (OK when it answered).</summary>
    private static async Task<(StatusCode Status, string Detail)> CallAsync(ContactClient client, MethodDescriptor m)
    {
        var type = (m.IsClientStreaming, m.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (false, true) => MethodType.ServerStreaming,
            (true, false) => MethodType.ClientStreaming,
            (true, true) => MethodType.DuplexStreaming,
        };
        var method = new Method<byte[], byte[]>(type, m.Service.FullName, m.Name, Raw, Raw);
        // Long enough for a refusal (it writes an audit entry first), short enough for an open stream.
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(3));
        var invoker = client.CallInvoker;
        try
        {
            switch (type)
            {
                case MethodType.Unary:
                    await invoker.AsyncUnaryCall(method, null, options, []);
                    break;
                case MethodType.ServerStreaming:
                    using (var call = invoker.AsyncServerStreamingCall(method, null, options, []))
                        await call.ResponseStream.MoveNext(CancellationToken.None);
                    break;
                case MethodType.ClientStreaming:
                    using (var call = invoker.AsyncClientStreamingCall(method, null, options))
                    {
                        await CompleteQuietly(call.RequestStream);
                        await call.ResponseAsync;
                    }
                    break;
                default:
                    using (var call = invoker.AsyncDuplexStreamingCall(method, null, options))
                    {
                        await CompleteQuietly(call.RequestStream);
                        await call.ResponseStream.MoveNext(CancellationToken.None);
                    }
                    break;
            }
            return (StatusCode.OK, "");
        }
        catch (RpcException ex)
        {
            return (ex.StatusCode, ex.Status.Detail);
        }
    }

    private static async Task CompleteQuietly(IClientStreamWriter<byte[]> requests)
    {
        try { await requests.CompleteAsync(); }
        catch (RpcException) { } // the server refused before reading: the status says why
        catch (InvalidOperationException) { }
    }
}
