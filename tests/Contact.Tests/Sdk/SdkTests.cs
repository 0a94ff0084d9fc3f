using System.Reflection;
using Contact.Client;
using Contact.Tests.Support;
using Contact.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Contact.Tests.Sdk;

/// <summary>
/// The C# SDK against the real wiring in process: it reaches every RPC of the contract, retries
/// what the contract marks idempotent, pages every List, resumes Watch streams by itself, and
/// registers with dependency injection.
/// </summary>
public sealed class SdkTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(demo: true);
    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>Every service of contact.v1, from the contracts assembly's file descriptors (not from the SDK).</summary>
    private static IReadOnlyList<ServiceDescriptor> ContractServices() =>
        typeof(RegisterService).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Reflection") && t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.PropertyType == typeof(FileDescriptor))
            .Select(t => (FileDescriptor)t.GetProperty("Descriptor")!.GetValue(null)!)
            .Where(f => f.Package == "contact.v1")
            .SelectMany(f => f.Services)
            .ToList();

    [Fact]
    public async Task Every_rpc_of_every_service_is_in_the_sdk_and_reaches_the_server()
    {
        var contract = ContractServices();
        Assert.True(contract.Count >= 11 && contract.Sum(s => s.Methods.Count) >= 60);
        var client = _host.Client(apiKey: null);
        var missing = new List<string>();
        foreach (var service in contract)
        {
            if (!ContactServices.All.Contains(service)) missing.Add(service.FullName);
            // The typed client the generated code has for the service is a property of ContactClient.
            var typed = typeof(ContactClient).GetProperties().FirstOrDefault(p => p.PropertyType.DeclaringType?.Name == service.Name);
            if (typed is null) { missing.Add(service.FullName + " (property)"); continue; }
            foreach (var method in service.Methods)
            {
                if (typed.PropertyType.GetMethod(method.Name + (method.IsClientStreaming || method.IsServerStreaming ? "" : "Async"), [method.InputType.ClrType, typeof(CallOptions)]) is null
                    && typed.PropertyType.GetMethod(method.Name, [typeof(CallOptions)]) is null)
                    missing.Add($"{service.FullName}/{method.Name}");
                // No key: every RPC the server knows answers UNAUTHENTICATED (UNIMPLEMENTED if it did not).
                var refused = await Assert.ThrowsAsync<RpcException>(() => CallEmptyAsync(client.CallInvoker, method));
                Assert.True(refused.StatusCode == StatusCode.Unauthenticated, $"{method.FullName}: {refused.StatusCode}");
            }
        }
        Assert.Empty(missing);
    }

    private static async Task CallEmptyAsync(CallInvoker invoker, MethodDescriptor rpc)
    {
        var type = rpc.IsClientStreaming ? MethodType.ClientStreaming : rpc.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary;
        var marshal = (MessageDescriptor d) => Marshallers.Create<IMessage>(m => m.ToByteArray(), b => d.Parser.ParseFrom(b));
        var method = new Method<IMessage, IMessage>(type, rpc.Service.FullName, rpc.Name, marshal(rpc.InputType), marshal(rpc.OutputType));
        var empty = (IMessage)Activator.CreateInstance(rpc.InputType.ClrType)!;
        switch (type)
        {
            case MethodType.ClientStreaming:
                using (var call = invoker.AsyncClientStreamingCall(method, null, default))
                {
                    await call.RequestStream.CompleteAsync();
                    await call.ResponseAsync;
                }
                break;
            case MethodType.ServerStreaming:
                using (var call = invoker.AsyncServerStreamingCall(method, null, default, empty))
                    await call.ResponseStream.MoveNext(CancellationToken.None);
                break;
            default:
                await invoker.AsyncUnaryCall(method, null, default, empty);
                break;
        }
    }

    [Fact]
    public void Retries_exactly_the_unary_rpcs_the_contract_marks_idempotent()
    {
        var retried = ContactClient.RetryIdempotentCalls(4).Names.Select(n => $"{n.Service}/{n.Method}").ToHashSet();
        var marked = ContractServices().SelectMany(s => s.Methods)
            .Where(m => !m.IsClientStreaming && !m.IsServerStreaming
                        && m.GetOptions()?.IdempotencyLevel is MethodOptions.Types.IdempotencyLevel.NoSideEffects or MethodOptions.Types.IdempotencyLevel.Idempotent)
            .Select(m => $"{m.Service.FullName}/{m.Name}").ToHashSet();
        Assert.Contains("contact.v1.ReferralService/SubmitReferral", marked);
        Assert.Contains("contact.v1.RegisterService/FindNearestCentres", marked);
        Assert.Equal(marked.Order(), retried.Order());
    }

    [Fact]
    public async Task EachAsync_pages_a_list_every_item_once_in_order()
    {
        var client = await _host.ClientAsync(Role.NctOperator);
        var first = await client.Register.ListCentresAsync(new ListCentresRequest { PageSize = 25 });
        var all = new List<string>();
        await foreach (var centre in client.EachAsync<Centre>(new ListCentresRequest { PageSize = 25 }))
            all.Add(centre.Name);
        Assert.NotEmpty(first.NextPageToken);
        Assert.True(all.Count > 100, $"{all.Count} centres");
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(first.Centres.Select(c => c.Name), all.Take(25));
        // A List without paging in its contract iterates too; a wrong item type is refused plainly.
        await foreach (var round in client.EachAsync<GrantRound>(new ListGrantRoundsRequest())) Assert.NotEmpty(round.Name);
        await Assert.ThrowsAsync<ArgumentException>(async () => { await foreach (var _ in client.EachAsync<Referral>(new ListCentresRequest())) { } });
    }

    [Fact]
    public async Task FollowAsync_resumes_after_its_last_sequence_when_the_connection_breaks()
    {
        var key = await _host.KeyAsync(Role.NctOperator);
        var reference = new List<long>();
        await foreach (var m in _host.Client(key).Register.WatchAccreditationChanges(new WatchAccreditationChangesRequest()).ResponseStream.ReadAllAsync())
        {
            reference.Add(m.Change.Sequence);
            if (reference.Count == 60) break;
        }

        // The first three responses are cut after 1 kB: mid-stream, mostly mid-message.
        var cutting = new CuttingHandler(_host.Handler(), cutAfterBytes: 1000, cuts: 3);
        using var client = new ContactClient(new ContactClientOptions { Address = new Uri("http://localhost"), ApiKey = key, HttpHandler = cutting });
        var seen = new List<long>();
        var resumedAfter = new List<long>();
        await foreach (var m in client.FollowAsync<WatchAccreditationChangesResponse>(new WatchAccreditationChangesRequest(),
                           onReconnect: (after, _) => resumedAfter.Add(after), backoff: TimeSpan.FromMilliseconds(20)))
        {
            seen.Add(m.Change.Sequence);
            if (seen.Count == 60) break;
        }
        Assert.Equal(3, resumedAfter.Count);
        Assert.All(resumedAfter, after => Assert.Contains(after, seen));
        Assert.Equal(reference, seen);   // nothing missed, nothing twice
    }

    [Fact]
    public async Task AddContactClient_registers_every_service_client_with_the_key()
    {
        var key = await _host.KeyAsync(Role.Naccc);
        var services = new ServiceCollection()
            .AddContactClient(new ContactClientOptions { Address = new Uri("http://localhost"), ApiKey = key, HttpHandler = _host.Handler() })
            .BuildServiceProvider();
        var me = await services.GetRequiredService<AccessService.AccessServiceClient>().GetCallerIdentityAsync(new GetCallerIdentityRequest());
        Assert.Equal([Role.Naccc], me.Roles);
        var client = services.GetRequiredService<ContactClient>();
        Assert.NotEmpty((await client.Register.FindNearestCentresAsync(new FindNearestCentresRequest { Postcode = "NG1 5HJ", ContactType = ContactType.Supported })).Results);
        foreach (var property in typeof(ContactClient).GetProperties().Where(p => p.PropertyType.IsSubclassOf(typeof(ClientBase))))
            Assert.NotNull(services.GetService(property.PropertyType));
    }

    /// <summary>Cuts the first <c>cuts</c> responses' bodies after <c>cutAfterBytes</c>, as a dropped connection would.</summary>
    private sealed class CuttingHandler(HttpMessageHandler inner, int cutAfterBytes, int cuts) : DelegatingHandler(inner)
    {
        private int _responses;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (Interlocked.Increment(ref _responses) > cuts) return response;
            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var cut = new StreamContent(new CutStream(body, cutAfterBytes));
            foreach (var header in response.Content.Headers) cut.Headers.TryAddWithoutValidation(header.Key, header.Value);
            response.Content = cut;
            return response;
        }
    }

    private sealed class CutStream(Stream inner, int limit) : Stream
    {
        private int _read;
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_read >= limit) throw new IOException("The connection was cut (test).");
            var n = await inner.ReadAsync(buffer[..Math.Min(buffer.Length, limit - _read)], cancellationToken);
            _read += n;
            return n;
        }
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, default).GetAwaiter().GetResult();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing) { if (disposing) inner.Dispose(); base.Dispose(disposing); }
    }
}
