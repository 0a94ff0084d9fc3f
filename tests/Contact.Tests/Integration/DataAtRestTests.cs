using System.Security.Cryptography;
using Contact.Server.Security;
using Contact.Server.Storage;
using Contact.Tests.Support;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;

namespace Contact.Tests.Integration;

public class DataAtRestTests
{
    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static async Task<string> StoreWithDataAsync(string key)
    {
        var directory = TestHost.NewDataDirectory();
        await using var host = await TestHost.StartAsync(dataDirectory: directory, dataKey: key);
        await host.ClientAsync(Contact.V1.Role.NctOperator);
        return directory;
    }

    [Fact]
    public async Task Opening_the_store_with_a_wrong_key_fails_with_a_clear_message()
    {
        var directory = await StoreWithDataAsync(NewKey());
        var ex = await Assert.ThrowsAsync<StoreOpenException>(() => TestHost.StartAsync(dataDirectory: directory, dataKey: NewKey()));
        Assert.Contains("could not be opened: the storage password is wrong or missing", ex.Message);
        Assert.Contains("Contact__Storage__Password", ex.Message);
    }

    [Fact]
    public async Task Opening_the_store_without_a_key_fails_with_a_clear_message()
    {
        var directory = await StoreWithDataAsync(NewKey());

        // No key configured and no key file: the data key is not silently generated anew.
        var missing = Assert.Throws<SecretsException>(() => Secrets.Load(null, Path.Combine(directory, "no-such.key"), storeExists: true, NullLogger.Instance));
        Assert.Contains("Contact__Secrets__DataKey", missing.Message);

        // No password at all on the encrypted file.
        var open = Assert.Throws<StoreOpenException>(() => new ContactStore(new StoreOptions { DataDirectory = directory }, NullLogger<ContactStore>.Instance));
        Assert.Contains("password is wrong or missing", open.Message);
    }

    [Fact]
    public async Task A_protected_child_name_is_not_plain_text_anywhere_in_the_data_directory_yet_still_matches()
    {
        var directory = TestHost.NewDataDirectory();
        const string name = "Philippa Quennell-Ashworth";
        await using (var host = await TestHost.StartAsync(dataDirectory: directory))
        {
            var fields = host.Get<FieldProtector>();
            await host.Get<ContactStore>().WriteAsync(scope => scope.Collection<BsonDocument>("test_children").Insert(new BsonDocument
            {
                ["_id"] = "child1",
                ["Name"] = fields.Protect(name),
                ["NameIndex"] = fields.BlindIndex(name.ToUpperInvariant()),
            }));
            await host.Get<ContactStore>().BackupAsync(Path.Combine(directory, "backup-for-test.db"));
        }
        StoreFiles.AssertNoPlaintext(directory, name, "Quennell");

        // Inside the (decrypted) file the field is still ciphertext; the blind index finds it.
        var secrets = Secrets.FromKey(Convert.FromBase64String(TestHost.SharedDataKey));
        using var db = new LiteDatabase(new ConnectionString { Filename = Path.Combine(directory, "contact.db"), Password = secrets.StoragePassword });
        var stored = db.GetCollection("test_children").FindOne(Query.EQ("NameIndex", new FieldProtector(secrets).BlindIndex(name.ToUpperInvariant())));
        Assert.StartsWith("enc1:", stored["Name"].AsString);
        Assert.Equal(name, new FieldProtector(secrets).Unprotect(stored["Name"].AsString));
    }
}
