using Contact.Server.Security;
using Contact.Server.Storage;
using Contact.Tests.Support;
using Contact.V1;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Role = Contact.V1.Role;

namespace Contact.Tests.Integration;

public class BackupRestoreTests
{
    [Fact]
    public async Task Backup_wipe_restore_brings_everything_back_and_the_chain_verifies()
    {
        var directory = TestHost.NewDataDirectory();
        var offsite = Path.Combine(TestHost.NewDataDirectory() + "-offsite", "contact-backup.db");
        Directory.CreateDirectory(Path.GetDirectoryName(offsite)!);
        List<string> centres = [];
        string partnerKey, partnerName;
        CreateBackupResponse backup;
        await using (var host = await TestHost.StartAsync(dataDirectory: directory))
        {
            var nct = await host.ClientAsync(Role.NctOperator);
            for (var i = 0; i < 3; i++) centres.Add((await nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid($"Kept {i}") })).Name);
            var issued = await nct.Access.IssueApiKeyAsync(new IssueApiKeyRequest { DisplayName = "NACCC SRS", Roles = { Role.Naccc } });
            (partnerKey, partnerName) = (issued.Secret, issued.ApiKey.Name);

            backup = await nct.Store.CreateBackupAsync(new CreateBackupRequest());
            Assert.Matches(@"^contact-\d{8}T\d{6}Z\.db$", backup.FileName);
            Assert.True(backup.SizeBytes > 0);
            var recorded = Assert.Single((await nct.Audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { Resource = $"backups/{backup.FileName}" })).Entries);
            Assert.Equal(backup.AuditSequence, recorded.Sequence);

            // Written after the backup: gone after the restore.
            await nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid("Lost") });
            File.Copy(Path.Combine(directory, Backups.FolderName, backup.FileName), offsite);
        }

        Directory.Delete(directory, recursive: true);
        var restored = await ServerCommand.RunAsync(null, ["restore", offsite, .. ServerCommand.StoreArgs(directory)]);
        Assert.True(restored.ExitCode == 0, restored.Error + restored.Output);
        Assert.Contains("its audit chain verifies", restored.Error);

        await using (var host = await TestHost.StartAsync(dataDirectory: directory))
        {
            var partner = host.Client(partnerKey);
            Assert.Equal(partnerName, (await partner.Access.GetCallerIdentityAsync(new GetCallerIdentityRequest())).ApiKey);
            foreach (var name in centres) Assert.Equal(name, (await partner.Register.GetCentreAsync(new GetCentreRequest { Name = name })).Name);
            var listed = await partner.Register.ListCentresAsync(new ListCentresRequest { PageSize = 100 });
            Assert.DoesNotContain(listed.Centres, c => c.DisplayName.Contains("Lost"));

            var auditor = await host.ClientAsync(Role.Auditor);
            var verification = await auditor.Audit.VerifyAuditChainAsync(new VerifyAuditChainRequest());
            Assert.True(verification.Intact, verification.Problem);
            Assert.Equal(backup.AuditSequence, verification.EntriesChecked);
        }
    }

    [Fact]
    public async Task Only_nct_may_take_a_backup()
    {
        await using var host = await TestHost.StartAsync();
        var auditor = await host.ClientAsync(Role.Auditor);
        await Refusal.Expect(StatusCode.PermissionDenied, () => auditor.Store.CreateBackupAsync(new CreateBackupRequest()));
        Assert.False(Directory.Exists(Path.Combine(host.DataDirectory, Backups.FolderName)));
    }

    [Fact]
    public async Task A_restore_is_refused_while_the_store_is_open_or_with_another_key_and_changes_nothing()
    {
        var directory = TestHost.NewDataDirectory();
        string backupFile;
        await using (var host = await TestHost.StartAsync(dataDirectory: directory))
        {
            var nct = await host.ClientAsync(Role.NctOperator);
            backupFile = Path.Combine(directory, Backups.FolderName, (await nct.Store.CreateBackupAsync(new CreateBackupRequest())).FileName);

            var options = new StoreOptions { DataDirectory = directory };
            var secrets = Secrets.FromKey(Convert.FromBase64String(TestHost.SharedDataKey));
            var inUse = Assert.Throws<IOException>(() => Backups.Restore(options, secrets, backupFile));
            Assert.Contains("stop the server before restoring", inUse.Message);
        }
        var before = await File.ReadAllBytesAsync(Path.Combine(directory, "contact.db"));

        var otherKey = Secrets.FromKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var wrong = Assert.Throws<StoreOpenException>(() => Backups.Restore(new StoreOptions { DataDirectory = directory }, otherKey, backupFile));
        Assert.Contains("password is wrong or missing", wrong.Message);
        Assert.Equal(before, await File.ReadAllBytesAsync(Path.Combine(directory, "contact.db")));
        Assert.Empty(Directory.GetFiles(directory, "*.restoring*"));
    }
}
