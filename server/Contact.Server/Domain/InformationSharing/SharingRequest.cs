using Contact.Server.Domain.Cases;

namespace Contact.Server.Domain.InformationSharing;

/// <summary>Same numbers as contact.v1.YesNo.</summary>
public enum YesNo { Unspecified = 0, Yes = 1, No = 2 }

/// <summary>Same numbers as contact.v1.SharingRequestState.</summary>
public enum SharingState { Unspecified = 0, AwaitingCallCentre = 1, HeldForReview = 2, NotOpen = 3, WithFca = 4, Answered = 5 }

/// <summary>A child as NACCC names them on the form.</summary>
public sealed record RequestChild(string GivenNames, string FamilyName, DateOnly DateOfBirth, List<string> AddressLines, string? Postcode)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public ChildIdentity Identity => new(GivenNames, FamilyName, DateOfBirth, Postcode);
}

/// <summary>An FCA as named on the form (by NACCC, or as the one completing it).</summary>
public sealed record FcaContact(string DisplayName, string? Email, string? Phone);

/// <summary>The FCA's answers: yes/no flags, and only court-permitted statements (MOU 2.3.4; policy 1.8).</summary>
public sealed record SharingAnswer(
    YesNo OpenNow, YesNo CurrentRisk, YesNo HistoricRisk, YesNo CourtPermission,
    List<string> FurtherInformation, FcaContact CompletedBy, DateTimeOffset Completed, string? PermissionReference = null);

/// <summary>A Case Information Sharing Request (policy Annex 1; MOU Appendix 1) and where it stands.</summary>
public sealed class SharingRequest
{
    public string Id { get; set; } = "";
    public string SrsReference { get; set; } = "";
    public string FamilyName { get; set; } = "";
    public string ParentWishingContact { get; set; } = "";
    public List<RequestChild> Children { get; set; } = [];
    public FcaContact? NamedFca { get; set; }
    public bool PartiesConsentedToChecks { get; set; }
    /// <summary>The NACCC credential that sent it: only it may read the request and its answers.</summary>
    public string SubmittedBy { get; set; } = "";
    public string SubmittedByName { get; set; } = "";
    public DateTimeOffset Received { get; set; }
    public DateTimeOffset? Due { get; set; }
    public SharingState State { get; set; }
    public long Sequence { get; set; }

    // What NACCC is told.
    public YesNo OpenInPast { get; set; }
    public FcaContact? FcaContact { get; set; }
    public SharingAnswer? Answer { get; set; }

    // What Cafcass keeps to itself.
    public string? CaseId { get; set; }
    public string? CaseNumber { get; set; }
    /// <summary>The FCA the request is routed to (their worklist).</summary>
    public string? FcaId { get; set; }
    public List<string> CandidateCaseIds { get; set; } = [];
    public string? MatchNote { get; set; }
    public string? LookedUpBy { get; set; }
    /// <summary>When the call centre told SRS the outcome (not open, or the FCA's details): the first answer's time.</summary>
    public DateTimeOffset? CallCentreAnswered { get; set; }
    public string? NoRiskConfirmationReason { get; set; }

    public string ResourceName => CaseNames.Request(Id);
    public bool IsFinished => State is SharingState.NotOpen or SharingState.Answered;

    /// <summary>The current step is past its due time (call-centre working hours, MOU 2.3.2).</summary>
    public bool IsOverdue(DateTimeOffset now) => !IsFinished && Due is { } due && now > due;
}

/// <summary>One disclosure made from a case (MOU 2.3.5): what, to whom, when, by whom.</summary>
public sealed class DisclosureRecord
{
    public string Id { get; set; } = "";
    public string CaseId { get; set; } = "";
    public string RequestId { get; set; } = "";
    public DateTimeOffset Time { get; set; }
    public string SharedWith { get; set; } = "";
    public string SharedBy { get; set; } = "";
    public List<string> Items { get; set; } = [];
}

/// <summary>Same numbers as contact.v1.FcaNotificationKind.</summary>
public enum FcaNotificationKind { Unspecified = 0, CaseQueried = 1, RequestRouted = 2 }

/// <summary>A notification to an FCA that one of their cases was queried, or a request routed to them.</summary>
public sealed class FcaNotification
{
    public long Sequence { get; set; }
    public string FcaId { get; set; } = "";
    public FcaNotificationKind Kind { get; set; }
    public string CaseId { get; set; } = "";
    public string CaseNumber { get; set; } = "";
    public string RequestId { get; set; } = "";
    public DateTimeOffset Time { get; set; }
}
