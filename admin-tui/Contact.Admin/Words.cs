using System.Globalization;
using Contact.Client;
using Contact.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Contact.Admin;

/// <summary>How the console says things: statuses, enums and refusals in plain words (money and dates in
/// Words.Money.cs and Words.Dates.cs).</summary>
public static partial class Words
{
    public static string Status(AccreditationStatus s) => s switch
    {
        AccreditationStatus.Accredited => "accredited",
        AccreditationStatus.Suspended => "suspended",
        AccreditationStatus.Lapsed => "lapsed",
        AccreditationStatus.Withdrawn => "withdrawn",
        AccreditationStatus.Candidate => "candidate",
        AccreditationStatus.NotAccredited => "not accredited",
        _ => "-",
    };

    public static string Level(AccreditationLevel l) => l switch
    {
        AccreditationLevel.Standard => "Standard (supported)",
        AccreditationLevel.Enhanced => "Enhanced (supervised)",
        _ => "-",
    };

    public static string Action(AccreditationAction a) => a switch
    {
        AccreditationAction.Apply => "apply",
        AccreditationAction.Grant => "grant",
        AccreditationAction.Renew => "renew",
        AccreditationAction.Suspend => "suspend",
        AccreditationAction.Reinstate => "reinstate",
        AccreditationAction.Lapse => "lapse",
        AccreditationAction.Withdraw => "withdraw",
        _ => "-",
    };

    public static string Type(ContactType t) => t switch
    {
        ContactType.Supported => "supported",
        ContactType.Supervised => "supervised",
        ContactType.Handover => "handover",
        ContactType.Indirect => "indirect",
        _ => "-",
    };

    public static string Setting(DeliverySetting s) => s switch
    {
        DeliverySetting.CentreBased => "centre-based",
        DeliverySetting.Community => "community",
        _ => "-",
    };

    public static string Role(Contact.V1.Role r) => r switch
    {
        Contact.V1.Role.NctOperator => "NCT operator",
        Contact.V1.Role.Naccc => "NACCC",
        Contact.V1.Role.Practitioner => "practitioner",
        Contact.V1.Role.CallCentre => "call centre",
        Contact.V1.Role.ContactCentre => "contact centre",
        Contact.V1.Role.CaseSystem => "case system",
        Contact.V1.Role.Auditor => "auditor",
        _ => "-",
    };

    /// <summary>The status an operator cares about first: suspensions and withdrawals outrank a good standing.</summary>
    public static AccreditationStatus Headline(Centre c)
    {
        var statuses = c.Accreditations.Select(a => a.Status).ToList();
        foreach (var s in new[] { AccreditationStatus.Suspended, AccreditationStatus.Withdrawn, AccreditationStatus.Lapsed, AccreditationStatus.Accredited, AccreditationStatus.Candidate })
            if (statuses.Contains(s)) return s;
        return AccreditationStatus.NotAccredited;
    }

    /// <summary>The level a contact type needs (MOU 2.1.1): supervised needs Enhanced, the others Standard.</summary>
    public static AccreditationLevel LevelFor(ContactType type) => type switch
    {
        ContactType.Supervised => AccreditationLevel.Enhanced,
        ContactType.Supported or ContactType.Handover or ContactType.Indirect => AccreditationLevel.Standard,
        _ => AccreditationLevel.Unspecified,
    };

    public static AccreditationStatus StatusAt(Centre c, AccreditationLevel level) =>
        c.Accreditations.FirstOrDefault(a => a.Level == level)?.Status ?? AccreditationStatus.Unspecified;

    public static string Status(ConcernStatus s) => s switch
    {
        ConcernStatus.Raised => "raised",
        ConcernStatus.UnderReview => "under review",
        ConcernStatus.NacccAlerted => "NACCC alerted",
        ConcernStatus.NacccResponded => "NACCC responded",
        ConcernStatus.AccreditationEncouraged => "accreditation encouraged",
        ConcernStatus.Resolved => "resolved",
        ConcernStatus.NoFurtherAction => "no further action",
        _ => "-",
    };

    public static string Type(ConcernType t) => t switch
    {
        ConcernType.UnaccreditedOrganisation => "unaccredited org",
        ConcernType.StandardsCompliance => "standards",
        ConcernType.Quality => "quality",
        _ => "-",
    };

    public static string Action(ConcernAction a) => a switch
    {
        ConcernAction.Unspecified => "raised",
        ConcernAction.StartReview => "start review",
        ConcernAction.AlertNaccc => "alert NACCC",
        ConcernAction.RecordNacccResponse => "NACCC response",
        ConcernAction.EncourageAccreditation => "encourage accreditation",
        ConcernAction.LinkCentre => "link to register",
        ConcernAction.AddNote => "note",
        ConcernAction.Resolve => "resolve",
        ConcernAction.CloseNoFurtherAction => "no further action",
        _ => "-",
    };

    public static string Status(ReferralStatus s) => s switch
    {
        ReferralStatus.Submitted => "submitted",
        ReferralStatus.Accepted => "accepted",
        ReferralStatus.Waitlisted => "waitlisted",
        ReferralStatus.InProgress => "in progress",
        ReferralStatus.Completed => "completed",
        ReferralStatus.Declined => "declined",
        ReferralStatus.Withdrawn => "withdrawn",
        ReferralStatus.Cancelled => "cancelled",
        _ => "-",
    };

    public static string Kind(ReferralKind k) => k switch
    {
        ReferralKind.PlannedWork => "planned work",
        ReferralKind.Signposting => "signposting a parent",
        ReferralKind.CourtRecommendation => "recommendation to court",
        _ => "-",
    };

    public static string Action(ReferralAction a) => a switch
    {
        ReferralAction.Submit => "submit",
        ReferralAction.Accept => "accept",
        ReferralAction.Decline => "decline",
        ReferralAction.Waitlist => "waitlist",
        ReferralAction.Start => "start",
        ReferralAction.Complete => "complete",
        ReferralAction.Withdraw => "withdraw",
        ReferralAction.Cancel => "cancel",
        _ => "-",
    };

    public static string Risk(ReferralRiskLevel r) => r switch
    {
        ReferralRiskLevel.None => "no risk found",
        ReferralRiskLevel.Potential => "potential risk",
        ReferralRiskLevel.Actual => "actual risk",
        _ => "-",
    };

    public static string Reason(DeclineReason r) => r switch
    {
        DeclineReason.NoCapacity => "no capacity",
        DeclineReason.ServiceNotSuitable => "service not suitable",
        DeclineReason.OutsideArea => "outside the area",
        DeclineReason.RiskTooHigh => "risk too high",
        DeclineReason.FamilyDidNotEngage => "family did not engage",
        DeclineReason.Other => "other",
        _ => "-",
    };

    public static string Flag(ReferralFlagKind k) => k switch
    {
        ReferralFlagKind.CentreLostAccreditation => "centre lost accreditation",
        _ => "flag",
    };

    public static string State(SharingRequestState s) => s switch
    {
        SharingRequestState.AwaitingCallCentre => "call centre",
        SharingRequestState.HeldForReview => "held for review",
        SharingRequestState.NotOpen => "not open",
        SharingRequestState.WithFca => "with FCA",
        SharingRequestState.Answered => "answered",
        _ => "-",
    };

    public static string YesNo(Contact.V1.YesNo y) => y switch
    {
        Contact.V1.YesNo.Yes => "yes",
        Contact.V1.YesNo.No => "no",
        _ => "not answered",
    };

    public static string YesNo(bool b) => b ? "yes" : "no";

    /// <summary>Whole days from <paramref name="since"/> to now, e.g. "12d".</summary>
    public static string Age(Timestamp? since) => since is null ? "-" : $"{(int)(DateTimeOffset.UtcNow - since.ToDateTimeOffset()).TotalDays}d";

    /// <summary>Long text cut to <paramref name="width"/>, with an ellipsis.</summary>
    public static string Cut(string s, int width) => s.Length <= width ? s : s[..(width - 1)] + "…";

    /// <summary>
    /// What a concern is about: the organisation as named, else the centre by the name the operator
    /// knows (when <paramref name="centreName"/> is known), else its register entry.
    /// </summary>
    public static string Subject(Concern c, string? centreName = null) =>
        c.Organisation is { Name.Length: > 0 } o ? o.Name : centreName ?? (c.Centre.Length > 0 ? c.Centre : "-");

    public static string Status(GrantApplicationStatus s) => s switch
    {
        GrantApplicationStatus.Pending => "pending",
        GrantApplicationStatus.Awarded => "awarded",
        GrantApplicationStatus.Declined => "declined",
        _ => "-",
    };

    /// <summary>A refusal or failure in words, with its clause; never a stack trace.</summary>
    public static string Problem(Exception ex, Uri? server = null) => ex switch
    {
        RpcException { StatusCode: StatusCode.Unavailable } => $"Server not reachable{(server is null ? "" : " at " + server)} — retrying; the screen reloads when it is back (F5 tries now).",
        RpcException { StatusCode: StatusCode.DeadlineExceeded } => "The server did not answer in time. Press F5 to try again.",
        RpcException { StatusCode: StatusCode.Unauthenticated } => "The server refused this console's API key: it is unknown, revoked or expired. Ask for a new NCT key.",
        RpcException { Status.DebugException: { } cause } rpc => $"The call failed ({rpc.StatusCode}): {cause.GetBaseException().Message}",
        RpcException rpc => Refusal(rpc.ToContactError()),
        AggregateException { InnerException: { } inner } => Problem(inner, server),
        _ => $"Something went wrong: {ex.Message}",
    };

    public static string Refusal(ContactError e)
    {
        // The server's words name version tags, which mean nothing to an operator.
        if (e is { Code: StatusCode.Aborted, Reason: "STALE_ETAG" })
            return "Changed by someone else since this screen read it: nothing was saved. Reload it (F5 or reopen) and try again.";
        var what = e.Code switch
        {
            StatusCode.InvalidArgument => "Not accepted",
            StatusCode.FailedPrecondition => "Refused",
            StatusCode.PermissionDenied => "Not allowed",
            StatusCode.NotFound => "Not found",
            StatusCode.AlreadyExists => "Already exists",
            StatusCode.Aborted => "Changed by someone else; reload and try again",
            _ => "Failed",
        };
        var fields = e.Fields.Count == 0 ? "" : " — " + string.Join("; ", e.Fields.Select(f => $"{FieldName(f.Field)} {f.Description}"));
        var text = $"{e.Message}{fields}";
        // The clause once, in front: the server's words often end by citing it too.
        var clause = "";
        if (e.Clause is { } cited)
        {
            var trailer = $" ({cited})";
            if (text.EndsWith(trailer, StringComparison.OrdinalIgnoreCase)) text = text[..^trailer.Length];
            if (!text.Contains(cited, StringComparison.OrdinalIgnoreCase)) clause = $" under {ClauseName(cited)}";
        }
        return Plain($"{what}{clause}: {text}");
    }

    /// <summary>
    /// A server's words for API clients may name enum values ("must be CENTRE_BASED or COMMUNITY"):
    /// for people they read as words ("centre based").
    /// </summary>
    public static string Plain(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b", m => m.Value.Replace('_', ' ').ToLowerInvariant());

    private static string ClauseName(string clause) =>
        clause.StartsWith("MOU", StringComparison.OrdinalIgnoreCase) || clause.StartsWith("policy", StringComparison.OrdinalIgnoreCase) ? clause : $"clause {clause}";

    /// <summary>"centre.address.postcode" becomes "postcode".</summary>
    public static string FieldName(string path)
    {
        var p = path.StartsWith("centre.", StringComparison.Ordinal) ? path["centre.".Length..] : path;
        return p switch
        {
            "display_name" => "name",
            "organisation.name" => "organisation",
            "organisation.charity_number" => "charity number",
            "contact_types" => "contact types",
            "address.town" => "town",
            "address.postcode" => "postcode",
            "contact_details.phone" => "phone",
            "contact_details.email" => "email",
            "contact_details.website" => "website",
            "commissioning.contract_reference" => "contract reference",
            "commissioning.period.start_date" => "contract start",
            "commissioning.period.end_date" => "contract end",
            "effective_date" => "effective date",
            "renewal_due_date" => "renewal due date",
            "grant_round.financial_year" => "financial year",
            "grant_round.budget_pence" => "budget",
            "amount_pence" or "application.requested_pence" => "amount",
            "application.centre" => "centre",
            "application.purpose" => "purpose",
            "period.start_date" => "from",
            "period.end_date" => "to",
            _ => p.Replace('_', ' '),
        };
    }

    /// <summary>The sentence's first letter in capitals ("suspend" → "Suspend").</summary>
    public static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
