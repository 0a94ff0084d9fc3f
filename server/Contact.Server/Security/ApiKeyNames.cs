namespace Contact.Server.Security;

public static class ApiKeyNames
{
    public const string Prefix = "apiKeys/";
    public static string Of(string keyId) => Prefix + keyId;
}
