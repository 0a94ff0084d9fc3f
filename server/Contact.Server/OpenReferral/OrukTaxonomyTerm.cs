namespace Contact.Server.OpenReferral;

public sealed record OrukTaxonomyTerm(string Id, string Name, string Description, string Term, string Code, string TaxonomyId, string Taxonomy);
