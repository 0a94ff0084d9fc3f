using Contact.Server.Storage;
using Contact.Tests.Support;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;

namespace Contact.Tests.Load;

public class DurabilityTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("a storage password")]
    public async Task The_barrier_waits_for_LiteDBs_log_writer_and_fsyncs_the_log_not_the_checkpoint_fallback(string? password)
    {
        var options = new StoreOptions { DataDirectory = TestHost.NewDataDirectory(), Password = password };
        using (var store = new ContactStore(options, NullLogger<ContactStore>.Instance))
        {
            // If a LiteDB upgrade renames the internals, this fails instead of silently checkpointing on every write.
            Assert.True(store.Durability.UsesQueueWait);
            await store.WriteAsync(scope => scope.Collection<BsonDocument>("durability_probe").Insert(new BsonDocument { ["_id"] = 1, ["v"] = "kept" }));
        }
        using (var reopened = new ContactStore(options, NullLogger<ContactStore>.Instance))
            Assert.Equal("kept", reopened.Read(scope => scope.Collection<BsonDocument>("durability_probe").FindById(1)["v"].AsString));
    }

    [Fact]
    public async Task Every_acknowledged_write_survives_SIGKILL_of_the_server_process()
    {
        // Bounded form of `dotnet run --project benchmarks/Contact.Load -c Release -- crash --cycles 50`.
        var report = await CrashTest.RunAsync(cycles: 3, writers: 8, minKillMs: 200, maxKillMs: 700, seed: 9);
        Assert.True(report.Acknowledged > 0, report.ToString());
        Assert.Equal(0, report.Lost);
        Assert.Equal(0, report.ErrorsBeforeKill);
        Assert.True(report.AllOpenedClean, report.ToString());
    }
}
