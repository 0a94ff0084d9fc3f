namespace Contact.Server.OpenReferral;

public sealed record OrukTaxonomy(string Id, string Name, string Description, string Uri, string Version);
