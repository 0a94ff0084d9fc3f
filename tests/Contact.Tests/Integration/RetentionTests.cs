using Contact.Server.Security;
using Contact.Server.Storage;
using Contact.Tests.Support;
using Contact.V1;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Role = Contact.V1.Role;

namespace Contact.Tests.Integration;

/// <summary>
/// The retention mechanism with a test-only record kind, plugged in exactly as an area does:
/// AddRetainedRecords at registration, RetainUntil from the schedule when the record is written.
/// </summary>
public class RetentionTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(configure: services =>
    {
        services.AddRetainedRecords<ClosedFile>("test-files", "test_files", RetentionPeriod.OfYears(2), f => $"testFiles/{f.Id}");
        services.AddRetainedRecords<ClosedNote>("test-notes", "test_notes", new RetentionPeriod { Months = 6 }, n => $"testNotes/{n.Id}",
            anonymise: n => new ClosedNote { Id = n.Id, ChildName = "", Outcome = n.Outcome });
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Records_past_their_date_are_purged_or_anonymised_and_the_trail_says_so()
    {
        var schedule = _host.Get<RetentionSchedule>();
        var now = _host.Clock.GetUtcNow();
        await Write(new ClosedFile { Id = "old", ChildName = "Ada", RetainUntil = schedule.RetainUntil("test-files", now.AddYears(-3)) },
                    new ClosedFile { Id = "recent", ChildName = "Bea", RetainUntil = schedule.RetainUntil("test-files", now.AddMonths(-1)) });
        await Write(new ClosedNote { Id = "n1", ChildName = "Cy", Outcome = "contact went ahead", RetainUntil = schedule.RetainUntil("test-notes", now.AddYears(-1)) });

        var swept = await _host.Get<RetentionSweeper>().RunAsync();

        Assert.Contains(swept, s => s is { Kind: "test-files", Action: RetentionAction.Purge, Count: 1 });
        Assert.Contains(swept, s => s is { Kind: "test-notes", Action: RetentionAction.Anonymise, Count: 1 });
        var store = _host.Get<ContactStore>();
        Assert.Equal(["recent"], store.Read(s => s.Collection<ClosedFile>("test_files").FindAll().Select(f => f.Id).ToList()));
        var note = store.Read(s => s.Collection<ClosedNote>("test_notes").FindById("n1"));
        Assert.Equal(("", "contact went ahead", (DateTimeOffset?)null), (note.ChildName, note.Outcome, note.RetainUntil));

        var auditor = await _host.ClientAsync(Role.Auditor);
        var purged = Assert.Single((await auditor.Audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { Resource = "testFiles/old" })).Entries);
        Assert.Equal("retention/test-files", purged.Method);
        Assert.Equal("system", purged.Principal);
        Assert.Contains("purged 1 test-files", purged.Detail);
        Assert.Empty((await auditor.Audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { Resource = "testFiles/recent" })).Entries);
        Assert.Contains("anonymised 1", Assert.Single((await auditor.Audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { Resource = "testNotes/n1" })).Entries).Detail);
        Assert.True((await auditor.Audit.VerifyAuditChainAsync(new VerifyAuditChainRequest())).Intact);

        Assert.Empty(await _host.Get<RetentionSweeper>().RunAsync());
    }

    [Fact]
    public async Task The_job_sweeps_on_the_clock()
    {
        var schedule = _host.Get<RetentionSchedule>();
        await Write(new ClosedFile { Id = "due-in-two-years", ChildName = "Dee", RetainUntil = schedule.RetainUntil("test-files", _host.Clock.GetUtcNow()) });

        _host.Clock.Advance(TimeSpan.FromDays(365));
        _host.Clock.Advance(TimeSpan.FromDays(1));
        var store = _host.Get<ContactStore>();
        Assert.Equal(1, store.Read(s => s.Collection<ClosedFile>("test_files").Count()));

        _host.Clock.Advance(TimeSpan.FromDays(366));
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
        _host.Get<ContactStore>().WriteAsync(scope =>
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
