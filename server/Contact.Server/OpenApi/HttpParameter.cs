namespace Contact.Server.OpenApi;

/// <summary>A path or query parameter of a plain HTTP endpoint.</summary>
public sealed record HttpParameter(string Name, string In, string Description, string Type = "string", string? Format = null, object? Example = null);
