namespace Contact.Server.Storage;

/// <summary>A named value kept in the store (e.g. whether the demo register was loaded).</summary>
public sealed class StoreSetting
{
    public string Id { get; set; } = "";
    public string Value { get; set; } = "";
}
