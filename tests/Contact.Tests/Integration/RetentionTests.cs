using Contact.Server.Security;
using Contact.Server.Storage;
using Contact.Tests.Support;
using Contact.V1;
using Microsoft.Extensions.Configuration;
using Contact.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Role = Contact.V1.Role;

namespace Contact.Tests.Integration;

/// <summary>
/// The retention mechanism with a test-only record kind, plugged in exactly as an area does:
/// AddRetainedRecords at registration, RetainUntil from the schedule when the record is written.
/// </summary>
public class RetentionTests : IAsyncLifetime
{
    private TestHost? _host;

    // The sweeper is called directly here; the job (which also sweeps at start) only where it is the subject.
    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    private async Task<TestHost> StartAsync(bool withJob) => _host = await TestHost.StartAsync(configure: services =>
    {
        if (!withJob)
            foreach (var job in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(RetentionJob)).ToList())
                services.Remove(job);
        services.AddRetainedRecords<ClosedFile>("test-files", "test_files", RetentionPeriod.OfYears(2), f => $"testFiles/{f.Id}");
        services.AddRetainedRecords<ClosedNote>("test-notes", "test_notes", new RetentionPeriod { Months = 6 }, n => $"testNotes/{n.Id}",
            anonymise: n => new ClosedNote { Id = n.Id, ChildName = "", Outcome = n.Outcome });
    });

    [Fact]
    public async Task Records_past_their_date_are_purged_or_anonymised_and_the_trail_says_so()
    {
        var host = await StartAsync(withJob: false);
        var schedule = host.Get<RetentionSchedule>();
        var now = host.Clock.GetUtcNow();
        await Write(new ClosedFile { Id = "old", ChildName = "Ada", RetainUntil = schedule.RetainUntil("test-files", now.AddYears(-3)) },
                    new ClosedFile { Id = "recent", ChildName = "Bea", RetainUntil = schedule.RetainUntil("test-files", now.AddMonths(-1)) });
        await Write(new ClosedNote { Id = "n1", ChildName = "Cy", Outcome = "contact went ahead", RetainUntil = schedule.RetainUntil("test-notes", now.AddYears(-1)) });

        var swept = await host.Get<RetentionSweeper>().RunAsync();

        Assert.Contains(swept, s => s is { Kind: "test-files", Action: RetentionAction.Purge, Count: 1 });
        Assert.Contains(swept, s => s is { Kind: "test-notes", Action: RetentionAction.Anonymise, Count: 1 });
        var store = host.Get<ContactStore>();
        Assert.Equal(["recent"], store.Read(s => s.Collection<ClosedFile>("test_files").FindAll().Select(f => f.Id).ToList()));
        var note = store.Read(s => s.Collection<ClosedNote>("test_notes").FindById("n1"));
        Assert.Equal(("", "contact went ahead", (DateTimeOffset?)null), (note.ChildName, note.Outcome, note.RetainUntil));

        var auditor = await host.ClientAsync(Role.Auditor);
        var purged = Assert.Single((await auditor.Audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { Resource = "testFiles/old" })).Entries);
        Assert.Equal("retention/test-files", purged.Method);
        Assert.Equal("system", purged.Principal);
        Assert.Contains("purged 1 test-files", purged.Detail);
        Assert.Empty((await auditor.Audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { Resource = "testFiles/recent" })).Entries);
        Assert.Contains("anonymised 1", Assert.Single((await auditor.Audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { Resource = "testNotes/n1" })).Entries).Detail);
        Assert.True((await auditor.Audit.VerifyAuditChainAsync(new VerifyAuditChainRequest())).Intact);

        Assert.Empty(await host.Get<RetentionSweeper>().RunAsync());
    }

    [Fact]
    public async Task The_job_sweeps_on_the_clock()
    {
        var host = await StartAsync(withJob: true);
        var schedule = host.Get<RetentionSchedule>();
        await Write(new ClosedFile { Id = "due-in-two-years", ChildName = "Dee", RetainUntil = schedule.RetainUntil("test-files", host.Clock.GetUtcNow()) });

        host.Clock.Advance(TimeSpan.FromDays(365));
        host.Clock.Advance(TimeSpan.FromDays(1));
        var store = host.Get<ContactStore>();
        Assert.Equal(1, store.Read(s => s.Collection<ClosedFile>("test_files").Count()));

        host.Clock.Advance(TimeSpan.FromDays(366));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (store.Read(s => s.Collection<ClosedFile>("test_files").Count()) > 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal(0, store.Read(s => s.Collection<ClosedFile>("test_files").Count()));
    }

    [Fact]
    public void Periods_are_configured_per_kind()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Contact:Retention:CheckMinutes"] = "30",
            ["Contact:Retention:Periods:test-files:Years"] = "7",
        }).Build();
        var services = new ServiceCollection().AddRetention(configuration)
            .AddRetainedRecords<ClosedFile>("test-files", "test_files", RetentionPeriod.OfYears(2), f => f.Id).BuildServiceProvider();
        Assert.Equal(30, services.GetRequiredService<RetentionOptions>().CheckMinutes);
        var closed = TestHost.Start;
        Assert.Equal(closed.AddYears(7), services.GetRequiredService<RetentionSchedule>().RetainUntil("test-files", closed));
    }

    private Task Write<T>(params T[] records) where T : class =>
        _host!.Get<ContactStore>().WriteAsync(scope =>
        {
            var collection = scope.Collection<T>(typeof(T) == typeof(ClosedFile) ? "test_files" : "test_notes");
            foreach (var record in records) collection.Insert(record);
        });

    public sealed class ClosedFile : IRetainable
    {
        public string Id { get; set; } = "";
        public string ChildName { get; set; } = "";
        public DateTimeOffset? RetainUntil { get; set; }
    }

    public sealed class ClosedNote : IRetainable
    {
        public string Id { get; set; } = "";
        public string ChildName { get; set; } = "";
        public string Outcome { get; set; } = "";
        public DateTimeOffset? RetainUntil { get; set; }
    }
}
