using Contact.Server.Domain.Common;
using Contact.Server.Domain.Register;

namespace Contact.Server.Domain.Concerns;

/// <summary>
/// The concern rules: what a concern must name, which NCT steps are allowed from which status, and
/// when each step is due (policy 1.6, 1.7; MOU 2.1.4, 2.4.3).
/// </summary>
public static class ConcernRules
{
    public const int MaxText = 4000;

    /// <summary>The clause a concern of this type is handled under.</summary>
    public static string ClauseFor(ConcernType type) => type switch
    {
        ConcernType.UnaccreditedOrganisation => "Policy 1.6",
        ConcernType.StandardsCompliance => "Policy 1.7, MOU 2.1.4",
        ConcernType.Quality => "MOU 2.4.3",
        _ => "Policy 1.6, 1.7",
    };

    /// <summary>
    /// Checks a new concern: an unaccredited organisation is named in free text and not by a register
    /// entry (policy 1.6); a compliance or quality concern names a centre (policy 1.7; MOU 2.4.3).
    /// Field problems are added to <paramref name="v"/> under "concern.".
    /// </summary>
    public static void ValidateNew(Concern c, Validation v)
    {
        v.Require(c.Type != ConcernType.Unspecified, "concern.type", "is required");
        v.RequireText(c.Description, "concern.description", MaxText);
        if (c.Type == ConcernType.UnaccreditedOrganisation)
        {
            v.RequireRule(c.CentreId is null, "Policy 1.6", "concern.centre", "an unaccredited organisation is not in the register: name it in concern.organisation");
            v.RequireText(c.OrganisationName, "concern.organisation.name", 200)
                .RequireText(c.OrganisationAddress, "concern.organisation.address", 400)
                .RequireText(c.OrganisationOffers, "concern.organisation.offers", 1000);
        }
        else if (c.Type != ConcernType.Unspecified)
        {
            v.RequireRule(c.CentreId is not null, ClauseFor(c.Type), "concern.centre", "name the centre, \"centres/{centre}\"");
            v.Require(c.OrganisationName is null, "concern.organisation", "only for an unaccredited organisation; name the centre in concern.centre");
        }
    }

    /// <summary>The status an action leads to, or null when it is not allowed from <paramref name="from"/>.</summary>
    public static ConcernStatus? Next(ConcernType type, ConcernStatus from, ConcernAction action) => (action, from) switch
    {
        (ConcernAction.AddNote or ConcernAction.LinkCentre, _) when from != ConcernStatus.Unspecified => from,
        (ConcernAction.StartReview, ConcernStatus.Raised) => ConcernStatus.UnderReview,
        (ConcernAction.AlertNaccc, ConcernStatus.UnderReview) => ConcernStatus.NacccAlerted,
        (ConcernAction.RecordNacccResponse, ConcernStatus.NacccAlerted) => ConcernStatus.NacccResponded,
        (ConcernAction.EncourageAccreditation, ConcernStatus.UnderReview or ConcernStatus.NacccAlerted or ConcernStatus.NacccResponded)
            when type == ConcernType.UnaccreditedOrganisation => ConcernStatus.AccreditationEncouraged,
        (ConcernAction.Resolve or ConcernAction.CloseNoFurtherAction,
            ConcernStatus.UnderReview or ConcernStatus.NacccAlerted or ConcernStatus.NacccResponded or ConcernStatus.AccreditationEncouraged)
            => action == ConcernAction.Resolve ? ConcernStatus.Resolved : ConcernStatus.NoFurtherAction,
        _ => null,
    };

    /// <summary>
    /// Applies an NCT step. Refusals name the clause: steps out of order, encouraging accreditation
    /// of a centre already in the register, resolving a compliance concern never sent to NACCC.
    /// </summary>
    /// <param name="date">For alerts and responses: the day it happened (already checked not in the future).</param>
    /// <param name="linkTo">For link centre: the register entry, already known to exist.</param>
    public static void Apply(Concern c, ConcernAction action, string note, DateOnly date, string? linkTo,
        string actor, DateTimeOffset now, DateOnly today, ConcernDeadlines deadlines)
    {
        var clause = ClauseFor(c.Type);
        if (action == ConcernAction.EncourageAccreditation && c.Type != ConcernType.UnaccreditedOrganisation)
            throw RuleViolation.Rule("Policy 1.6", "Only an organisation offering contact without accreditation is encouraged to seek it; this concern is about an accredited centre", "action");
        if (action == ConcernAction.LinkCentre)
        {
            if (c.Type != ConcernType.UnaccreditedOrganisation)
                throw RuleViolation.Rule("Policy 1.6", "Only a concern about an unregistered organisation is linked to a register entry; this one already names its centre", "action");
            if (c.CentreId is not null)
                throw RuleViolation.Rule("Policy 1.6", $"The concern is already linked to {Names.Centre(c.CentreId)}", "centre");
        }
        var to = Next(c.Type, c.Status, action) ?? throw RuleViolation.Rule(clause,
            $"{Describe(action)} is not allowed for a concern that is {Describe(c.Status)}", "action");

        // Policy 1.7 and MOU 2.1.4: "NCT will alert NACCC about the concerns" before the matter is resolved.
        if (action == ConcernAction.Resolve && c.Type == ConcernType.StandardsCompliance && c.AlertDate is null)
            throw RuleViolation.Rule("Policy 1.7, MOU 2.1.4", "A concern about compliance with the accreditation standards is resolved only after NACCC has been alerted", "action");

        if (date < c.RaisedOn && action is ConcernAction.AlertNaccc or ConcernAction.RecordNacccResponse)
            throw RuleViolation.Invalid("date", "must not be before the concern was raised");
        switch (action)
        {
            case ConcernAction.AlertNaccc:
                c.AlertDate = date;
                c.AlertSent = note;
                break;
            case ConcernAction.RecordNacccResponse:
                if (date < c.AlertDate) throw RuleViolation.Invalid("date", "must not be before NACCC was alerted");
                c.ResponseDate = date;
                c.Response = note;
                break;
            case ConcernAction.LinkCentre:
                c.CentreId = linkTo;
                break;
        }

        var from = c.Status;
        c.Timeline.Add(new ConcernEvent(action, from, to, note, actor, now));
        if (to != from) Enter(c, to, today, deadlines);
        c.Updated = now;
    }

    /// <summary>Actions that must carry a note, and what the note is.</summary>
    public static string? NoteRequiredFor(ConcernAction action) => action switch
    {
        ConcernAction.AddNote => "the note",
        ConcernAction.AlertNaccc => "what was sent to NACCC",
        ConcernAction.RecordNacccResponse => "NACCC's response",
        ConcernAction.CloseNoFurtherAction => "why no further action is taken",
        _ => null,
    };

    /// <summary>Sets the status and the due date of its step (calendar days, UK dates).</summary>
    public static void Enter(Concern c, ConcernStatus status, DateOnly today, ConcernDeadlines deadlines)
    {
        c.Status = status;
        c.DueDate = deadlines.For(status) is { } days ? today.AddDays(days) : null;
    }

    public static string Describe(ConcernAction action) => action switch
    {
        ConcernAction.StartReview => "starting a review",
        ConcernAction.AlertNaccc => "alerting NACCC",
        ConcernAction.RecordNacccResponse => "recording NACCC's response",
        ConcernAction.EncourageAccreditation => "encouraging accreditation",
        ConcernAction.LinkCentre => "linking to a register entry",
        ConcernAction.AddNote => "adding a note",
        ConcernAction.Resolve => "resolving",
        ConcernAction.CloseNoFurtherAction => "closing with no further action",
        _ => "an unspecified action",
    };

    public static string Describe(ConcernStatus status) => status switch
    {
        ConcernStatus.Raised => "raised",
        ConcernStatus.UnderReview => "under review",
        ConcernStatus.NacccAlerted => "awaiting NACCC's response",
        ConcernStatus.NacccResponded => "answered by NACCC",
        ConcernStatus.AccreditationEncouraged => "encouraged to seek accreditation",
        ConcernStatus.Resolved => "resolved",
        ConcernStatus.NoFurtherAction => "closed with no further action",
        _ => "unspecified",
    };
}
