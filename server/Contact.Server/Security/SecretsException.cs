namespace Contact.Server.Security;

public sealed class SecretsException(string message) : Exception(message);
