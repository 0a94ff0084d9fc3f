using Contact.Server.Domain.Cases;
using Contact.Server.Domain.Common;
using Contact.Server.Domain.Concerns;
using Contact.Server.Domain.Grants;
using Contact.Server.Domain.InformationSharing;
using Contact.Server.Domain.Referrals;
using Contact.Server.Domain.Register;
using Contact.Server.Security;
using V1 = Contact.V1;

namespace Contact.Server.Services;

/// <summary>
/// The one place a domain enum becomes its contract enum and back. Each pair below has the same
/// numbers under the same names, checked member by member by the architecture test
/// (tests/Contact.Tests/Architecture/EnumPairTests), so a pair maps by number; no other code casts
/// between them. From the wire, a number the server does not know (a newer client's) becomes
/// Unspecified; with a field and a <see cref="Validation"/> it is also refused as "unknown value".
/// </summary>
public static class EnumMapping
{
    // Register
    public static V1.ContactType ToProto(this ContactKind value) => (V1.ContactType)value;
    public static ContactKind ToDomain(this V1.ContactType value) => Defined<ContactKind>((int)value);
    public static ContactKind ToDomain(this V1.ContactType value, string field, Validation v) => Check<ContactKind>((int)value, field, v);

    public static V1.DeliverySetting ToProto(this Setting value) => (V1.DeliverySetting)value;
    public static Setting ToDomain(this V1.DeliverySetting value) => Defined<Setting>((int)value);
    public static Setting ToDomain(this V1.DeliverySetting value, string field, Validation v) => Check<Setting>((int)value, field, v);

    public static V1.AccreditationLevel ToProto(this AccreditationLevel value) => (V1.AccreditationLevel)value;
    public static AccreditationLevel ToDomain(this V1.AccreditationLevel value) => Defined<AccreditationLevel>((int)value);
    public static AccreditationLevel ToDomain(this V1.AccreditationLevel value, string field, Validation v) => Check<AccreditationLevel>((int)value, field, v);

    public static V1.AccreditationStatus ToProto(this AccreditationStatus value) => (V1.AccreditationStatus)value;
    public static AccreditationStatus ToDomain(this V1.AccreditationStatus value) => Defined<AccreditationStatus>((int)value);
    public static AccreditationStatus ToDomain(this V1.AccreditationStatus value, string field, Validation v) => Check<AccreditationStatus>((int)value, field, v);

    public static V1.AccreditationAction ToProto(this AccreditationAction value) => (V1.AccreditationAction)value;
    public static AccreditationAction ToDomain(this V1.AccreditationAction value) => Defined<AccreditationAction>((int)value);
    public static AccreditationAction ToDomain(this V1.AccreditationAction value, string field, Validation v) => Check<AccreditationAction>((int)value, field, v);

    // Referrals
    public static V1.ReferralKind ToProto(this ReferralKind value) => (V1.ReferralKind)value;
    public static ReferralKind ToDomain(this V1.ReferralKind value) => Defined<ReferralKind>((int)value);
    public static ReferralKind ToDomain(this V1.ReferralKind value, string field, Validation v) => Check<ReferralKind>((int)value, field, v);

    public static V1.ReferralRiskLevel ToProto(this RiskLevel value) => (V1.ReferralRiskLevel)value;
    public static RiskLevel ToDomain(this V1.ReferralRiskLevel value) => Defined<RiskLevel>((int)value);
    public static RiskLevel ToDomain(this V1.ReferralRiskLevel value, string field, Validation v) => Check<RiskLevel>((int)value, field, v);

    public static V1.ReferralStatus ToProto(this ReferralStatus value) => (V1.ReferralStatus)value;
    public static ReferralStatus ToDomain(this V1.ReferralStatus value) => Defined<ReferralStatus>((int)value);
    public static ReferralStatus ToDomain(this V1.ReferralStatus value, string field, Validation v) => Check<ReferralStatus>((int)value, field, v);

    public static V1.ReferralAction ToProto(this ReferralAction value) => (V1.ReferralAction)value;
    public static ReferralAction ToDomain(this V1.ReferralAction value) => Defined<ReferralAction>((int)value);
    public static ReferralAction ToDomain(this V1.ReferralAction value, string field, Validation v) => Check<ReferralAction>((int)value, field, v);

    public static V1.DeclineReason ToProto(this DeclineReason value) => (V1.DeclineReason)value;
    public static DeclineReason ToDomain(this V1.DeclineReason value) => Defined<DeclineReason>((int)value);
    public static DeclineReason ToDomain(this V1.DeclineReason value, string field, Validation v) => Check<DeclineReason>((int)value, field, v);

    public static V1.ReferralFlagKind ToProto(this ReferralFlagKind value) => (V1.ReferralFlagKind)value;
    public static ReferralFlagKind ToDomain(this V1.ReferralFlagKind value) => Defined<ReferralFlagKind>((int)value);
    public static ReferralFlagKind ToDomain(this V1.ReferralFlagKind value, string field, Validation v) => Check<ReferralFlagKind>((int)value, field, v);

    public static V1.ReferralChangeType ToProto(this ReferralChangeType value) => (V1.ReferralChangeType)value;
    public static ReferralChangeType ToDomain(this V1.ReferralChangeType value) => Defined<ReferralChangeType>((int)value);
    public static ReferralChangeType ToDomain(this V1.ReferralChangeType value, string field, Validation v) => Check<ReferralChangeType>((int)value, field, v);

    // Concerns
    public static V1.ConcernType ToProto(this ConcernType value) => (V1.ConcernType)value;
    public static ConcernType ToDomain(this V1.ConcernType value) => Defined<ConcernType>((int)value);
    public static ConcernType ToDomain(this V1.ConcernType value, string field, Validation v) => Check<ConcernType>((int)value, field, v);

    public static V1.ConcernStatus ToProto(this ConcernStatus value) => (V1.ConcernStatus)value;
    public static ConcernStatus ToDomain(this V1.ConcernStatus value) => Defined<ConcernStatus>((int)value);
    public static ConcernStatus ToDomain(this V1.ConcernStatus value, string field, Validation v) => Check<ConcernStatus>((int)value, field, v);

    public static V1.ConcernAction ToProto(this ConcernAction value) => (V1.ConcernAction)value;
    public static ConcernAction ToDomain(this V1.ConcernAction value) => Defined<ConcernAction>((int)value);
    public static ConcernAction ToDomain(this V1.ConcernAction value, string field, Validation v) => Check<ConcernAction>((int)value, field, v);

    // Grants
    public static V1.GrantApplicationStatus ToProto(this GrantApplicationStatus value) => (V1.GrantApplicationStatus)value;
    public static GrantApplicationStatus ToDomain(this V1.GrantApplicationStatus value) => Defined<GrantApplicationStatus>((int)value);
    public static GrantApplicationStatus ToDomain(this V1.GrantApplicationStatus value, string field, Validation v) => Check<GrantApplicationStatus>((int)value, field, v);

    // Cases and information sharing
    public static V1.CaseStatus ToProto(this CaseStatus value) => (V1.CaseStatus)value;
    public static CaseStatus ToDomain(this V1.CaseStatus value) => Defined<CaseStatus>((int)value);
    public static CaseStatus ToDomain(this V1.CaseStatus value, string field, Validation v) => Check<CaseStatus>((int)value, field, v);

    public static V1.YesNo ToProto(this YesNo value) => (V1.YesNo)value;
    public static YesNo ToDomain(this V1.YesNo value) => Defined<YesNo>((int)value);
    public static YesNo ToDomain(this V1.YesNo value, string field, Validation v) => Check<YesNo>((int)value, field, v);

    public static V1.SharingRequestState ToProto(this SharingState value) => (V1.SharingRequestState)value;
    public static SharingState ToDomain(this V1.SharingRequestState value) => Defined<SharingState>((int)value);
    public static SharingState ToDomain(this V1.SharingRequestState value, string field, Validation v) => Check<SharingState>((int)value, field, v);

    public static V1.FcaNotificationKind ToProto(this FcaNotificationKind value) => (V1.FcaNotificationKind)value;
    public static FcaNotificationKind ToDomain(this V1.FcaNotificationKind value) => Defined<FcaNotificationKind>((int)value);
    public static FcaNotificationKind ToDomain(this V1.FcaNotificationKind value, string field, Validation v) => Check<FcaNotificationKind>((int)value, field, v);

    // Access and audit
    public static V1.Role ToProto(this Role value) => (V1.Role)value;
    public static Role ToDomain(this V1.Role value) => Defined<Role>((int)value);
    public static Role ToDomain(this V1.Role value, string field, Validation v) => Check<Role>((int)value, field, v);

    public static V1.AuditOutcome ToProto(this AuditOutcome value) => (V1.AuditOutcome)value;
    public static AuditOutcome ToDomain(this V1.AuditOutcome value) => Defined<AuditOutcome>((int)value);
    public static AuditOutcome ToDomain(this V1.AuditOutcome value, string field, Validation v) => Check<AuditOutcome>((int)value, field, v);

    /// <summary>A role as a referral's history stores it, by its number (the domain does not know the Role type).</summary>
    public static int ToNumber(this Role role) => (int)role;

    /// <summary>A role number from a referral's history, on the wire.</summary>
    public static V1.Role RoleToProto(int number) => ((Role)number).ToProto();

    // Days: System.DayOfWeek counts from Sunday = 0, google.type.DayOfWeek from Monday = 1 to Sunday = 7.
    public static Google.Type.DayOfWeek ToProto(this DayOfWeek day) =>
        day == DayOfWeek.Sunday ? Google.Type.DayOfWeek.Sunday : (Google.Type.DayOfWeek)(int)day;

    public static DayOfWeek ToDomain(this Google.Type.DayOfWeek day) =>
        day == Google.Type.DayOfWeek.Sunday ? DayOfWeek.Sunday : (DayOfWeek)(int)day;

    /// <summary>
    /// A contract-only enum (no domain twin) as sent, or its zero after adding "unknown value" for
    /// <paramref name="field"/> when the number is not one it defines.
    /// </summary>
    public static T Checked<T>(this T value, string field, Validation v) where T : struct, Enum => Check<T>(Convert.ToInt32(value), field, v);

    /// <summary>An enum value the domain knows, or the unspecified zero (which validation then refuses).</summary>
    public static T Defined<T>(int value) where T : struct, Enum =>
        Enum.IsDefined(typeof(T), value) ? (T)(object)value : default;

    /// <summary>The enum value, adding "unknown value" for <paramref name="field"/> when the number is not defined.</summary>
    private static T Check<T>(int value, string field, Validation v) where T : struct, Enum
    {
        v.RequireDefined((T)Enum.ToObject(typeof(T), value), field);
        return Defined<T>(value);
    }
}
