namespace Contact.Server.OpenApi;

/// <summary>
/// How a plain HTTP endpoint (not a transcoded RPC) appears in /openapi.json: put on the endpoint
/// with <c>WithOperation(...)</c>; the document is generated from the endpoints the server maps,
/// so a route without this metadata still appears, undescribed, and the tests notice.
/// </summary>
public sealed record HttpOperation(string OperationId, string Tag, string Summary, string Description)
{
    /// <summary>The JSON answer's C# type (its schema is exported from it), or null for text.</summary>
    public Type? JsonResponse { get; init; }
    /// <summary>The content type of a non-JSON answer.</summary>
    public string? TextContentType { get; init; }
    public IReadOnlyList<HttpParameter> Parameters { get; init; } = [];
    /// <summary>Refusals answer RFC 9457 problem details (400, 404) and the limiter 429.</summary>
    public bool Problems { get; init; } = true;
    /// <summary>A public endpoint: no API key.</summary>
    public bool Open { get; init; } = true;
    /// <summary>An example of the answer, for the document.</summary>
    public object? Example { get; init; }
}
