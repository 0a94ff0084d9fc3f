namespace Contact.Server.OpenReferral;

/// <summary>A link from a service to a taxonomy term (HSDS attribute).</summary>
public sealed record OrukAttribute(string Id, string LinkId, string LinkType, string LinkEntity, string TaxonomyTermId, OrukTaxonomyTerm TaxonomyTerm);
