namespace Contact.Server.Hosting;

public sealed class SecretsOptions
{
    /// <summary>Base64 of 32 random bytes. Prefer the environment: Contact__Secrets__DataKey.</summary>
    public string? DataKey { get; set; }
    /// <summary>A file holding the data key; defaults to "contact.key" in the data directory.</summary>
    public string? KeyFile { get; set; }
}
