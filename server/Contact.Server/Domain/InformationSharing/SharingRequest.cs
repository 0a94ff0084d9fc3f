using Contact.Server.Domain.Cases;

namespace Contact.Server.Domain.InformationSharing;

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
