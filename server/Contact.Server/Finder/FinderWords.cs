using Contact.Server.Domain.Register;

namespace Contact.Server.Finder;

/// <summary>
/// Everything the find-a-centre page says about what to do next is quoted from the two source
/// documents (the Cafcass Child Contact Centre policy and the Cafcass–NACCC MOU), never
/// paraphrased into advice of our own; each quote is footnoted with its clause.
/// </summary>
public static class FinderWords
{
    public const string ServiceName = "Find an accredited child contact centre";

    private const string Policy = "Cafcass Child Contact Centre policy";
    private const string Mou = "Cafcass–NACCC Memorandum of Understanding";

    public static readonly Quote SelfReferral = new("MOU 2.2.6", Mou,
        "Cafcass expects most parents to self-refer to supported centres and services.");
    public static readonly Quote SupervisedReferrals = new("MOU 2.2.5", Mou,
        "Cafcass will make referrals to commissioned supervised contact centres when there is potential or actual risk to a child during contact, or a need to offer practical help to a family to reduce conflict.");
    public static readonly Quote Commissioning = new("policy 1.4", Policy,
        "Cafcass' National Commissioning Team (NCT) will only contract NACCC accredited organisations where child contact services are being offered.");
    public static readonly Quote OnlyAccredited = new("MOU 2.1.2", Mou,
        "Cafcass will not advise any parent to attend a non-accredited centre or use non-accredited services.");
    public static readonly Quote WaitingTimes = new("policy 1.5", Policy,
        "Practitioners should check with the contact centre if there are waiting times and services can be delivered. Cafcass is not able to provide any support with travel arrangements.");

    /// <summary>The kinds of contact a parent can choose, each explained in one plain sentence.</summary>
    public static readonly IReadOnlyList<(ContactKind Kind, string Value, string Name, string Explained)> Kinds =
    [
        (ContactKind.Supported, "supported", "Supported contact", "Your child spends time with a parent at a centre, with staff and volunteers in the room but not watching closely."),
        (ContactKind.Supervised, "supervised", "Supervised contact", "A trained worker stays with your child and the parent all the time, when there is a risk to the child."),
        (ContactKind.Handover, "handover", "Handover", "The centre is the place where your child is passed from one parent to the other, so the parents need not meet."),
        (ContactKind.Indirect, "indirect", "Indirect contact", "Letters, cards or presents are passed to your child through the centre."),
    ];

    public static readonly IReadOnlyList<(Setting Setting, string Value, string Name)> Settings =
    [
        (Setting.Unspecified, "any", "Either"),
        (Setting.CentreBased, "centre", "At a centre"),
        (Setting.Community, "community", "In the community"),
    ];

    /// <summary>The distances offered, in miles (distance only: no travel help, policy 1.5).</summary>
    public static readonly IReadOnlyList<int> DistancesMiles = [5, 10, 25, 50];
    public const int DefaultDistanceMiles = 25;

    /// <summary>
    /// What happens next for a kind of contact, in the words of the source: supported, handover and
    /// indirect contact are offered by centres accredited for supported contact (standard level,
    /// MOU 2.1.1), to which most parents self-refer (MOU 2.2.6); supervised contact is through
    /// Cafcass or the court, with services Cafcass commissions (MOU 2.2.5; policy 1.4).
    /// </summary>
    public static (string Lead, IReadOnlyList<Quote> Quotes) NextSteps(ContactKind kind) => kind == ContactKind.Supervised
        ? ("Supervised contact is arranged through Cafcass or the court, with services that Cafcass commissions.", [SupervisedReferrals, Commissioning])
        : ("You can usually contact a centre accredited for supported contact yourself.", [SelfReferral]);

    public static string KindName(ContactKind kind) => Kinds.FirstOrDefault(k => k.Kind == kind).Name ?? kind.ToString();
}
