using Contact.Server.Security;

namespace Contact.Server.Storage;

/// <summary>API key records as stored (only the secret's hash); <see cref="Credentials"/> issues and checks them.</summary>
public sealed class ApiKeyRepository(ContactStore store)
{
    public ApiKeyRecord? Find(string id) => store.Read(s => s.ApiKeys.FindById(id));

    public IReadOnlyList<ApiKeyRecord> All() => store.Read(s => s.ApiKeys.FindAll().ToList());

    public static ApiKeyRecord? Find(WriteScope scope, string id) => scope.ApiKeys.FindById(id);

    public static void Insert(WriteScope scope, ApiKeyRecord record) => scope.ApiKeys.Insert(record);

    public static void Update(WriteScope scope, ApiKeyRecord record) => scope.ApiKeys.Update(record);
}
