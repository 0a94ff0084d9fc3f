using Contact.Server.Domain.Register;

namespace Contact.Server.OpenReferral;

/// <summary>
/// The one vocabulary the feed publishes: the kinds of child contact (policy 1.2; MOU 2.1.1), as a
/// taxonomy of our own ("contact-types"). A service is linked to a term only while it is accredited
/// for that kind today, at the level that covers it, so a directory filtering on "supervised"
/// never finds a centre without enhanced accreditation (policy 1.2; MOU 2.1.2).
/// </summary>
public static class OrukTaxonomies
{
    public const string ContactTypesName = "contact-types";
    public static readonly string ContactTypesId = OrukIds.Taxonomy(ContactTypesName);

    public static readonly OrukTaxonomy ContactTypes = new(
        Id: ContactTypesId,
        Name: "Child contact types",
        Description: "The kinds of child contact an accredited child contact centre or service offers "
            + "(Cafcass child contact centre policy 1.2; Cafcass-NACCC MOU 2.1.1). Supervised contact needs "
            + "NACCC enhanced accreditation; supported, handover and indirect contact need standard accreditation.",
        Uri: "urn:contact:taxonomy:" + ContactTypesName,
        Version: "1");

    public sealed record Term(ContactKind Kind, string Code, string Name, string Description)
    {
        public string Id { get; } = OrukIds.TaxonomyTerm(ContactTypesName, Code);

        public OrukTaxonomyTerm ToOruk() => new(Id, Name, Description, Name, Code, ContactTypesId, ContactTypes.Name);
    }

    public static readonly IReadOnlyList<Term> Terms =
    [
        new(ContactKind.Supported, "supported", "Supported contact",
            "Contact where no significant risk to the child or those around the child has been identified (MOU 2.2.4); needs NACCC standard accreditation."),
        new(ContactKind.Supervised, "supervised", "Supervised contact",
            "Contact where there is potential or actual risk, or to reduce conflict, only with a service Cafcass commissions (policy 1.4; MOU 2.2.5); needs NACCC enhanced accreditation."),
        new(ContactKind.Handover, "handover", "Handovers",
            "The child passes from one parent to the other at the centre; needs NACCC standard accreditation."),
        new(ContactKind.Indirect, "indirect", "Indirect contact",
            "Contact passed on through the centre rather than in person; needs NACCC standard accreditation."),
    ];

    public static Term? TermById(string id) => Terms.FirstOrDefault(t => t.Id == id);
    public static Term For(ContactKind kind) => Terms.First(t => t.Kind == kind);
}
