using Contact.Server.Security;
using Contact.Tests.Support;
using Contact.V1;
using LiteDB;
using Role = Contact.V1.Role;

namespace Contact.Tests.Integration;

/// <summary>
/// Someone with the database file and its password (but not the data key's audit key) edits or
/// deletes audit entries while the server is stopped: VerifyAuditChain and `verify-audit` say where.
/// </summary>
public class AuditTamperTests
{
    /// <summary>A store with a few audited writes; the server is stopped when this returns.</summary>
    private static async Task<string> StoreWithAuditTrailAsync()
    {
        var directory = TestHost.NewDataDirectory();
        await using var host = await TestHost.StartAsync(dataDirectory: directory);
        var nct = await host.ClientAsync(Role.NctOperator);
        for (var i = 0; i < 4; i++) await nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid($"Centre {i}") });
        Assert.True((await nct.Audit.VerifyAuditChainAsync(new VerifyAuditChainRequest())).Intact);
        return directory;
    }

    /// <summary>Opens the stopped server's file directly, as an intruder holding the storage password would.</summary>
    private static void Tamper(string directory, Action<ILiteCollection<BsonDocument>> edit)
    {
        var password = Secrets.FromKey(Convert.FromBase64String(TestHost.SharedDataKey)).StoragePassword;
        using var db = new LiteDatabase(new ConnectionString { Filename = Path.Combine(directory, "contact.db"), Password = password });
        edit(db.GetCollection("audit"));
        db.Checkpoint();
    }

    private static async Task<VerifyAuditChainResponse> VerifyThroughTheApiAsync(string directory)
    {
        await using var host = await TestHost.StartAsync(dataDirectory: directory);
        var auditor = await host.ClientAsync(Role.Auditor);
        return await auditor.Audit.VerifyAuditChainAsync(new VerifyAuditChainRequest());
    }

    [Fact]
    public async Task Editing_an_entry_is_reported_by_the_rpc_and_the_command()
    {
        var directory = await StoreWithAuditTrailAsync();
        Tamper(directory, audit =>
        {
            var entry = audit.FindById(2);
            entry["Principal"] = "apiKeys/someoneelse00";
            Assert.True(audit.Update(entry));
        });

        var result = await VerifyThroughTheApiAsync(directory);
        Assert.False(result.Intact);
        Assert.Equal(2, result.FirstBrokenSequence);
        Assert.Equal(1, result.EntriesChecked);
        Assert.Contains("entry 2 does not match its hash", result.Problem);

        var command = await ServerCommand.RunAsync(null, ["verify-audit", .. ServerCommand.StoreArgs(directory)]);
        Assert.Equal(3, command.ExitCode);
        Assert.Contains("Audit chain BROKEN at entry 2", command.Output);
    }

    [Fact]
    public async Task Deleting_an_entry_is_reported()
    {
        var directory = await StoreWithAuditTrailAsync();
        Tamper(directory, audit => Assert.True(audit.Delete(3)));

        var result = await VerifyThroughTheApiAsync(directory);
        Assert.False(result.Intact);
        Assert.Equal(3, result.FirstBrokenSequence);
        Assert.Contains("entry 3 is missing", result.Problem);
    }

    [Fact]
    public async Task Deleting_the_newest_entries_is_reported()
    {
        var directory = await StoreWithAuditTrailAsync();
        Tamper(directory, audit =>
        {
            var last = audit.Max("_id").AsInt64;
            Assert.True(audit.Delete(last));
            Assert.True(audit.Delete(last - 1));
        });

        var command = await ServerCommand.RunAsync(null, ["verify-audit", .. ServerCommand.StoreArgs(directory)]);
        Assert.Equal(3, command.ExitCode);
        Assert.Contains("entries after it were deleted", command.Output);
    }

    [Fact]
    public async Task An_untouched_store_verifies_with_the_command()
    {
        var directory = await StoreWithAuditTrailAsync();
        var command = await ServerCommand.RunAsync(null, ["verify-audit", .. ServerCommand.StoreArgs(directory)]);
        Assert.Equal(0, command.ExitCode);
        Assert.Matches(@"Audit chain intact: \d+ entries verified", command.Output);
    }
}
