namespace Contact.Server.OpenReferral;

/// <summary>The API's description of itself (ORUK 3.0 "/").</summary>
public sealed record OrukApiInfo(string Version, string Profile, string OpenapiUrl);
