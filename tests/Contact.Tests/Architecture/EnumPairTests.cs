using Contact.Server.Domain.Cases;
using Contact.Server.Domain.Concerns;
using Contact.Server.Domain.Grants;
using Contact.Server.Domain.InformationSharing;
using Contact.Server.Domain.Referrals;
using Contact.Server.Domain.Register;
using Contact.Server.Security;
using Contact.Server.Storage;
using V1 = Contact.V1;

namespace Contact.Tests.Architecture;

/// <summary>
/// The services map a domain enum to its contract enum by value (a cast), so each pair must agree
/// member by member: the same number under the same name, none missing on either side. A new
/// server enum must be listed here, as a pair or as internal, so no pair is forgotten.
/// </summary>
public sealed class EnumPairTests
{
    public static readonly TheoryData<Type, Type> Pairs = new()
    {
        { typeof(ContactKind), typeof(V1.ContactType) },
        { typeof(Setting), typeof(V1.DeliverySetting) },
        { typeof(AccreditationLevel), typeof(V1.AccreditationLevel) },
        { typeof(AccreditationStatus), typeof(V1.AccreditationStatus) },
        { typeof(AccreditationAction), typeof(V1.AccreditationAction) },
        { typeof(ReferralKind), typeof(V1.ReferralKind) },
        { typeof(RiskLevel), typeof(V1.ReferralRiskLevel) },
        { typeof(ReferralStatus), typeof(V1.ReferralStatus) },
        { typeof(ReferralAction), typeof(V1.ReferralAction) },
        { typeof(DeclineReason), typeof(V1.DeclineReason) },
        { typeof(ReferralFlagKind), typeof(V1.ReferralFlagKind) },
        { typeof(ReferralChangeType), typeof(V1.ReferralChangeType) },
        { typeof(ConcernType), typeof(V1.ConcernType) },
        { typeof(ConcernStatus), typeof(V1.ConcernStatus) },
        { typeof(ConcernAction), typeof(V1.ConcernAction) },
        { typeof(GrantApplicationStatus), typeof(V1.GrantApplicationStatus) },
        { typeof(CaseStatus), typeof(V1.CaseStatus) },
        { typeof(YesNo), typeof(V1.YesNo) },
        { typeof(SharingState), typeof(V1.SharingRequestState) },
        { typeof(FcaNotificationKind), typeof(V1.FcaNotificationKind) },
        { typeof(Role), typeof(V1.Role) },
        { typeof(AuditOutcome), typeof(V1.AuditOutcome) },
    };

    /// <summary>Server enums with no contract twin: mapped by a switch, or never on the wire.</summary>
    private static readonly Type[] Internal =
    [
        typeof(AuditKind), typeof(MatchKind), typeof(MatchStrength), typeof(Contact.Server.Domain.Common.RefusalKind),
        typeof(RetentionAction), typeof(StoreDurability), typeof(PostcodeResolution),
    ];

    [Theory]
    [MemberData(nameof(Pairs))]
    public void A_domain_enum_and_its_contract_enum_agree_value_by_value(Type domain, Type contract)
    {
        var ours = Members(domain);
        var theirs = Members(contract);
        Assert.Equal(theirs, ours);
    }

    [Fact]
    public void Every_server_enum_is_paired_or_known_to_be_internal()
    {
        var listed = Pairs.Select(p => (Type)p[0]).Concat(Internal).ToHashSet();
        var unlisted = typeof(ContactStore).Assembly.GetTypes()
            .Where(t => t.IsEnum && t.IsPublic && !listed.Contains(t))
            .Select(t => t.FullName).ToList();
        Assert.True(unlisted.Count == 0, "List these in EnumPairTests, as a pair with their contract enum or as internal: " + string.Join(", ", unlisted));
    }

    // The checker must notice a pair that disagrees.
    [Fact]
    public void Pairs_that_differ_in_a_number_or_a_member_do_not_agree()
    {
        Assert.NotEqual(Members(typeof(Shifted)), Members(typeof(V1.YesNo)));
        Assert.NotEqual(Members(typeof(Shorter)), Members(typeof(V1.YesNo)));
    }

    private enum Shifted { Unspecified = 0, Yes = 2, No = 1 }
    private enum Shorter { Unspecified = 0, Yes = 1 }

    private static List<string> Members(Type e) =>
        Enum.GetValues(e).Cast<object>().Select(v => $"{Convert.ToInt64(v)}={v}").Order(StringComparer.Ordinal).ToList();
}
