using Contact.Server.Domain.Common;
using Contact.Server.Domain.Register;

namespace Contact.Server.Domain.Referrals;

/// <summary>
/// The referral rules: what a submission must carry and where it may go (policy 1.2–1.4, 1.8;
/// MOU 2.1.2, 2.2.4–2.2.6), the lifecycle's legal transitions, and flagging a referral whose centre
/// loses its accreditation while it is open.
/// </summary>
/// <remarks>
/// Refusals that the request alone decides (a missing plan, supported contact despite significant
/// risk) are INVALID_ARGUMENT; those that depend on the register now (accreditation, commissioning)
/// are FAILED_PRECONDITION. Both name their clause.
/// </remarks>
public static class ReferralRules
{
    public const int MaxChildren = 12;
    public const int MaxTextLength = 4000;

    public static bool IsOpen(ReferralStatus s) =>
        s is ReferralStatus.Submitted or ReferralStatus.Accepted or ReferralStatus.Waitlisted or ReferralStatus.InProgress;

    /// <summary>Field checks: every problem at once, as "referral.…" field paths.</summary>
    public static void Validate(Referral r, DateOnly today, Validation v)
    {
        const string p = "referral";
        v.RequireText(r.CaseNumber, $"{p}.case_number", 40);
        v.Require(r.Children.Count > 0, $"{p}.children", "at least one child is required");
        v.Require(r.Children.Count <= MaxChildren, $"{p}.children", $"at most {MaxChildren} children");
        for (var i = 0; i < r.Children.Count; i++)
        {
            var c = r.Children[i];
            v.RequireText(c.GivenNames, $"{p}.children[{i}].given_names", 100);
            v.RequireText(c.FamilyName, $"{p}.children[{i}].family_name", 100);
            if (c.BirthDate == DateOnly.MinValue) continue; // missing: reported when read
            v.Require(c.BirthDate <= today, $"{p}.children[{i}].birth_date", "must not be in the future");
            v.Require(c.BirthDate > today.AddYears(-18), $"{p}.children[{i}].birth_date", "the child must be under 18");
        }
        v.Require(r.Kind != ReferralKind.Unspecified, $"{p}.kind", "is required");
        v.Require(r.ContactType != ContactKind.Unspecified, $"{p}.contact_type", "is required");
        v.Require(r.Risk != RiskLevel.Unspecified, $"{p}.risk_assessment.risk_level", "is required");
        v.Require(!r.SignificantRisk || r.Risk is RiskLevel.Potential or RiskLevel.Actual, $"{p}.risk_assessment.risk_level",
            "must be potential or actual where significant risk was identified");
        v.OptionalText(r.PreparationPlan, $"{p}.child_preparation.plan", MaxTextLength);
        v.OptionalText(r.PreparationDeliveredBy, $"{p}.child_preparation.delivered_by", 200);
        v.RequireText(r.NatureOfDispute, $"{p}.case_information.nature_of_dispute", MaxTextLength);
        v.OptionalText(r.FurtherInformation, $"{p}.case_information.further_information", MaxTextLength);
        v.OptionalText(r.CourtPermissionReference, $"{p}.case_information.court_permission_reference", 100);
    }

    /// <summary>
    /// The submission rules, against the target centre as it stands now (null when unknown).
    /// Throws the first refusal with its clause.
    /// </summary>
    public static void CheckSubmission(Referral r, Centre? centre, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(r.PreparationPlan) || string.IsNullOrWhiteSpace(r.PreparationDeliveredBy))
            throw Refuse("Policy 1.3", "The referral must say how the children will be prepared for the service and who will deliver the preparation",
                string.IsNullOrWhiteSpace(r.PreparationPlan) ? "referral.child_preparation.plan" : "referral.child_preparation.delivered_by");
        if (!r.FamilyAware)
            throw Refuse("MOU 2.2.6", "Cafcass ensures the family is aware of a contact centre referral: confirm it before submitting", "referral.family_aware");
        if (!string.IsNullOrWhiteSpace(r.FurtherInformation) && string.IsNullOrWhiteSpace(r.CourtPermissionReference))
            throw Refuse("Policy 1.8", "Only the nature of the dispute may be shared unless the court has permitted more: record the court's permission (its reference) or remove the further information",
                "referral.case_information.further_information");
        if (r.SignificantRisk && NeedsNoSignificantRisk(r.ContactType))
            throw Refuse("MOU 2.2.4", $"{Capitalised(Describe(r.ContactType))} contact is only for families where no significant risk has been identified; " +
                "refer to a supervised contact service NCT commissions instead (FindNearestCentres with CONTACT_TYPE_SUPERVISED and commissioned_only)",
                "referral.contact_type");

        CheckTarget(r, centre, today, "referral.centre");
    }

    /// <summary>
    /// Where a referral may go, against the register now: a centre accredited for its contact type
    /// (policy 1.2; MOU 2.1.2) and, for supervised contact, commissioned by NCT (policy 1.4).
    /// </summary>
    private static void CheckTarget(Referral r, Centre? centre, DateOnly today, string? field)
    {
        if (centre is null) throw RuleViolation.NotFound(Names.Centre(r.CentreId));
        if (!AccreditationRules.IsAccreditedFor(centre, r.ContactType, today))
            throw RuleViolation.Rule("Policy 1.2", $"{centre.DisplayName} is not accredited now for {Describe(r.ContactType)} contact; " +
                "Cafcass refers only to NACCC-accredited centres and services (MOU 2.1.2)", field, reason: Reasons.NotAccredited);
        if (r.ContactType == ContactKind.Supervised && !centre.IsCommissionedOn(today))
            throw RuleViolation.Rule("Policy 1.4", $"Supervised contact goes only to a service NCT commissions, and {centre.DisplayName} is not commissioned now (MOU 2.2.5)",
                field);
    }

    /// <summary>
    /// Accepting, waitlisting and starting bring the family to the centre, so they need the centre
    /// to be one Cafcass may refer to on the day. Declining, withdrawing, cancelling and completing
    /// are always open: they take the family away from it.
    /// </summary>
    public static bool BringsFamilyToCentre(ReferralAction action) =>
        action is ReferralAction.Accept or ReferralAction.Waitlist or ReferralAction.Start;

    /// <summary>
    /// Contact without 1-2-1 supervision at a supported (standard-accredited) centre: supported
    /// contact and handovers. MOU 2.2.4 confines referrals to supported centres to families with no
    /// significant risk; indirect contact (letters, cards) involves no meeting.
    /// </summary>
    public static bool NeedsNoSignificantRisk(ContactKind type) => type is ContactKind.Supported or ContactKind.Handover;

    /// <summary>Records the submission: the referral becomes submitted, with its first history entry.</summary>
    public static void Submit(Referral r, Centre? centre, Actor actor, DateTimeOffset now, DateOnly today)
    {
        CheckSubmission(r, centre, today);
        r.CentreDisplayName = centre!.DisplayName;
        r.Status = ReferralStatus.Submitted;
        r.Created = r.Updated = now;
        r.History = [new ReferralTransition { Action = ReferralAction.Submit, From = ReferralStatus.Unspecified, To = ReferralStatus.Submitted, Time = now, Actor = actor.Name, ActorRole = actor.Role }];
        r.Flags = [];
    }

    /// <summary>The status an action leads to from the current one, or null when it is not allowed.</summary>
    public static ReferralStatus? Next(ReferralStatus current, ReferralAction action) => (action, current) switch
    {
        (ReferralAction.Accept, ReferralStatus.Submitted or ReferralStatus.Waitlisted) => ReferralStatus.Accepted,
        (ReferralAction.Decline, ReferralStatus.Submitted or ReferralStatus.Waitlisted) => ReferralStatus.Declined,
        (ReferralAction.Waitlist, ReferralStatus.Submitted or ReferralStatus.Accepted or ReferralStatus.Waitlisted) => ReferralStatus.Waitlisted,
        (ReferralAction.Start, ReferralStatus.Accepted or ReferralStatus.Waitlisted) => ReferralStatus.InProgress,
        (ReferralAction.Complete, ReferralStatus.InProgress) => ReferralStatus.Completed,
        (ReferralAction.Withdraw, _) when IsOpen(current) => ReferralStatus.Withdrawn,
        (ReferralAction.Cancel, _) when IsOpen(current) => ReferralStatus.Cancelled,
        _ => null,
    };

    /// <summary>What a lifecycle action carries besides the actor.</summary>
    public sealed record Details(string Note = "", DeclineReason DeclineReason = DeclineReason.Unspecified, DateOnly? ExpectedStart = null);

    /// <summary>Checks an action's details before the referral is read.</summary>
    public static void ValidateDetails(ReferralAction action, Details d, DateOnly today)
    {
        var v = new Validation().OptionalText(d.Note, "note", 1000);
        switch (action)
        {
            case ReferralAction.Decline:
                v.Require(d.DeclineReason != DeclineReason.Unspecified, "reason", "is required");
                v.Require(d.DeclineReason != DeclineReason.Other || !string.IsNullOrWhiteSpace(d.Note), "note", "is required when the reason is OTHER");
                break;
            case ReferralAction.Waitlist:
                v.Require(d.ExpectedStart is not null, "expected_start_date", "is required");
                v.Require(d.ExpectedStart is null || d.ExpectedStart >= today, "expected_start_date", "must not be in the past");
                break;
            case ReferralAction.Withdraw or ReferralAction.Cancel:
                v.RequireText(d.Note, "reason", 1000);
                break;
        }
        v.ThrowIfInvalid();
    }

    /// <summary>
    /// Applies a lifecycle action against the referral's centre as it stands now; an illegal
    /// transition, or bringing the family to a centre that lost its accreditation or commissioning
    /// while the referral was open, is FAILED_PRECONDITION.
    /// </summary>
    public static void Apply(Referral r, ReferralAction action, Details d, Actor actor, DateTimeOffset now, Centre? centre, DateOnly today)
    {
        var to = Next(r.Status, action) ?? throw new RuleViolation(RefusalKind.FailedPrecondition, Reasons.FailedPrecondition,
            $"A referral that is {Describe(r.Status)} cannot be {Past(action)}.");
        if (BringsFamilyToCentre(action)) CheckTarget(r, centre, today, field: null);
        r.History.Add(new ReferralTransition
        {
            Action = action, From = r.Status, To = to, Time = now, Actor = actor.Name, ActorRole = actor.Role,
            Note = d.Note.Trim(), DeclineReason = d.DeclineReason, ExpectedStart = d.ExpectedStart,
        });
        r.Status = to;
        if (action == ReferralAction.Decline) r.DeclineReason = d.DeclineReason;
        if (action == ReferralAction.Waitlist) r.ExpectedStart = d.ExpectedStart;
        r.Updated = now;
    }

    /// <summary>
    /// Whether an accreditation change takes from the referral's centre the accreditation its
    /// contact type needs while the referral is open (MOU 2.1.2, 2.1.3), and it is not yet flagged for it.
    /// </summary>
    public static bool IsAffectedBy(Referral r, AccreditationChange change) =>
        r.IsOpen
        && r.CentreId == change.CentreId
        && AccreditationRules.LevelFor(r.ContactType) == change.Level
        && change.PreviousStatus == AccreditationStatus.Accredited
        && change.NewStatus != AccreditationStatus.Accredited
        && r.Flags.All(f => f.AccreditationSequence != change.Sequence);

    /// <summary>Flags the referral for the practitioner and NCT: never silently kept.</summary>
    public static ReferralFlag FlagLostAccreditation(Referral r, AccreditationChange change, DateTimeOffset now)
    {
        var flag = new ReferralFlag
        {
            Kind = ReferralFlagKind.CentreLostAccreditation,
            Reason = $"{change.CentreDisplayName}'s {AccreditationRules.Describe(change.Level)} accreditation, needed for {Describe(r.ContactType)} contact, " +
                     $"is {AccreditationRules.Describe(change.NewStatus)} from {change.EffectiveDate:yyyy-MM-dd}: {change.Reason}. " +
                     "Cafcass refers only to accredited centres (policy 1.2; MOU 2.1.2): review this referral.",
            EffectiveDate = change.EffectiveDate,
            Raised = now,
            AccreditationSequence = change.Sequence,
        };
        r.Flags.Add(flag);
        r.Updated = now;
        return flag;
    }

    private static RuleViolation Refuse(string clause, string message, string field) =>
        RuleViolation.Rule(clause, message, field, RefusalKind.Invalid);

    private static string Capitalised(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    public static string Describe(ContactKind type) => type.ToString().ToLowerInvariant();

    public static string Describe(ReferralStatus s) => s switch
    {
        ReferralStatus.InProgress => "in progress",
        _ => s.ToString().ToLowerInvariant(),
    };

    private static string Past(ReferralAction a) => a switch
    {
        ReferralAction.Accept => "accepted",
        ReferralAction.Decline => "declined",
        ReferralAction.Waitlist => "waitlisted",
        ReferralAction.Start => "started",
        ReferralAction.Complete => "completed",
        ReferralAction.Withdraw => "withdrawn",
        ReferralAction.Cancel => "cancelled",
        _ => a.ToString().ToLowerInvariant(),
    };
}
