using Contact.Server.Security;
using Contact.Tests.Support;
using Grpc.Core;
using Grpc.Core.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Contact.Tests.Security;

/// <summary>The interceptor called directly, for what a real channel cannot easily show.</summary>
public class AccessInterceptorTests
{
    [Fact]
    public async Task An_audited_stream_the_client_abandons_is_still_recorded()
    {
        await using var host = await TestHost.StartAsync();
        var issued = await host.Get<Credentials>().IssueAsync("Auditor", [Role.Auditor], null, null, 30, Principal.System, null, null);
        var interceptor = new AccessInterceptor(host.Get<Credentials>(), host.Get<AuditTrail>(), NullLogger<AccessInterceptor>.Instance);
        const string method = "/contact.v1.AuditService/ListAuditEntries"; // a sensitive read
        var context = TestServerCallContext.Create(method, null, DateTime.UtcNow.AddMinutes(1),
            new Metadata { { "authorization", "Bearer " + issued.Secret } }, CancellationToken.None,
            "127.0.0.1", null, null, _ => Task.CompletedTask, () => new WriteOptions(), _ => { });

        // Part of the answer went out, then the client went away.
        await Assert.ThrowsAsync<OperationCanceledException>(() => interceptor.ServerStreamingServerHandler<string, string>("request", null!, context,
            async (_, _, _) => { await Task.Yield(); throw new OperationCanceledException(); }));

        var entry = host.Get<Contact.Server.Storage.ContactStore>().Read(s => s.Audit.Query().Where(a => a.Method == method).ToList()).Single();
        Assert.Equal((AuditOutcome.Failed, $"apiKeys/{issued.Record.Id}"), (entry.Outcome, entry.Principal));
        Assert.Contains("ended early", entry.Detail);
        Assert.True(host.Get<AuditTrail>().Verify().Intact);
    }
}
