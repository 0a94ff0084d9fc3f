using System.Text.RegularExpressions;
using Contact.Server.Domain.Cases;
using Contact.Server.Domain.Common;

namespace Contact.Server.Domain.InformationSharing;

/// <summary>
/// The Safe Referral System rules (policy 1.8 and Annex 1; MOU 2.3.2–2.3.5 and Appendix 1). Pure:
/// the services and the store apply them.
/// </summary>
public static class SharingRules
{
    public const string NotOpenMessage = "Not open to Cafcass; no further information can be shared.";

    /// <summary>The call centre answers within one working day of receipt, counted as 8 working hours (MOU 2.3.2).</summary>
    public static readonly TimeSpan CallCentreAllowance = TimeSpan.FromHours(8);

    /// <summary>The FCA returns the form within two working days (16 working hours) of the request reaching them.</summary>
    public static readonly TimeSpan FcaAllowance = TimeSpan.FromHours(16);

    public const int MaxChildren = 10;

    /// <summary>Checks a new request; consent to checks comes first, as the form does (policy 1.8, Annex 1).</summary>
    public static void ValidateSubmission(SharingRequest r, DateOnly today)
    {
        if (!r.PartiesConsentedToChecks)
            throw RuleViolation.Rule("Policy 1.8, Annex 1",
                "NACCC must confirm that it has the relevant parties' consent to checks being made before Cafcass is asked",
                "parties_consented_to_checks");
        var v = new Validation();
        v.RequireText(r.SrsReference, "srs_reference", 60).RequireText(r.FamilyName, "family_name", 100)
            .RequireText(r.ParentWishingContact, "parent_wishing_contact", 160);
        v.Require(r.Children.Count is > 0 and <= MaxChildren, "children", $"from 1 to {MaxChildren} children are required");
        for (var i = 0; i < r.Children.Count; i++)
        {
            var c = r.Children[i];
            v.RequireText(c.GivenNames, $"children[{i}].given_names", 100);
            v.Require(ChildNames.Compact(c.GivenNames ?? "").Length > 0, $"children[{i}].given_names", "needs a letter or digit");
            v.Require(ChildNames.Compact(c.FamilyName ?? "").Length > 0, $"children[{i}].family_name", "needs a letter or digit (or give the request's family_name)");
            v.OptionalText(c.FamilyName, $"children[{i}].family_name", 100).OptionalText(c.Postcode, $"children[{i}].postcode", 10);
            v.Require(c.DateOfBirth != default && c.DateOfBirth <= today, $"children[{i}].date_of_birth", "is required and must not be in the future");
            foreach (var line in c.AddressLines) v.OptionalText(line, $"children[{i}].address_lines", 100);
        }
        if (r.NamedFca is { } fca)
            v.OptionalText(fca.DisplayName, "named_fca.display_name", 120).OptionalText(fca.Email, "named_fca.email", 200).OptionalText(fca.Phone, "named_fca.phone", 40);
        v.ThrowIfInvalid();
    }

    /// <summary>
    /// Matches every child of a request against the candidate cases. Any doubtful child, or children
    /// that lead to more than one open case, send the request to a person; otherwise the cases found
    /// decide: none, closed only, or one open.
    /// </summary>
    public static LookUpResult LookUp(IReadOnlyList<ChildIdentity> children, IReadOnlyList<CaseRecord> candidates)
    {
        var flat = candidates.SelectMany(c => c.Children.Select(child => (Case: c, child.Identity))).ToList();
        var identities = flat.Select(f => f.Identity).ToList();
        var matched = new List<CaseRecord>();
        var doubtful = new List<CaseRecord>();
        var reasons = new List<string>();
        for (var i = 0; i < children.Count; i++)
        {
            var outcome = ChildMatcher.Match(children[i], identities);
            var cases = outcome.CandidateIndexes.Select(k => flat[k].Case).Distinct().ToList();
            if (outcome.Kind == MatchKind.Unique) matched.AddRange(cases);
            if (outcome.Kind == MatchKind.Ambiguous)
            {
                doubtful.AddRange(cases);
                reasons.Add($"child {i + 1}: {outcome.Explanation}");
            }
        }
        matched = matched.Distinct().ToList();
        var open = matched.Where(c => c.IsOpen).ToList();
        if (doubtful.Count > 0)
            return new LookUpResult.Doubtful(Ids(doubtful.Concat(matched)), string.Join(" ", reasons));
        if (open.Count > 1)
            return new LookUpResult.Doubtful(Ids(matched), $"The children matched {open.Count} different open cases; referred to a person.");
        if (open.Count == 1)
            return new LookUpResult.Open(open[0].Id, Ids(matched.Where(c => c != open[0])));
        return matched.Count == 0 ? new LookUpResult.NotKnown() : new LookUpResult.NotOpen(Ids(matched));
    }

    private static List<string> Ids(IEnumerable<CaseRecord> cases) => cases.Select(c => c.Id).Distinct().ToList();

    /// <summary>
    /// Applies the disclosure limits to the FCA's answer (MOU 2.3.3, 2.3.4; policy 1.8, Annex 1):
    /// flags only; historic risk asked only when there is no current risk; further information only
    /// under a court permission recorded on the case, and only statements that permission allows;
    /// "no risk" against a risk flag only with an explicit confirmation and reason.
    /// </summary>
    public static SharingAnswer Answer(CaseRecord c, AnswerInput a, FcaContact by, DateTimeOffset now)
    {
        if (!c.IsOpen)
        {
            // Closed since it was routed: the form stops at Q1 (MOU 2.3.3, Appendix 1 "If no, please return the form").
            if (a.CurrentRisk != YesNo.Unspecified || a.HistoricRisk != YesNo.Unspecified || a.CourtPermission != YesNo.Unspecified || a.FurtherInformation.Count > 0)
                throw RuleViolation.Rule("MOU 2.3.3", "The case is no longer open to Cafcass: no further information can be shared; answer with no risk or permission answers", "current_risk");
            return new SharingAnswer(YesNo.No, YesNo.Unspecified, YesNo.Unspecified, YesNo.Unspecified, [], by, now);
        }

        var v = new Validation();
        v.Require(a.CurrentRisk is YesNo.Yes or YesNo.No, "current_risk", "answer yes or no (Annex 1 Q2)");
        v.Require(a.CourtPermission is YesNo.Yes or YesNo.No, "court_permission", "answer yes or no (Annex 1 Q3)");
        v.Require(a.CurrentRisk != YesNo.No || a.HistoricRisk is YesNo.Yes or YesNo.No, "historic_risk", "answer yes or no when there is no current risk (Annex 1 Q2)");
        v.RequireDefined(a.HistoricRisk, "historic_risk");
        v.ThrowIfInvalid();

        if (a.CurrentRisk == YesNo.Yes && a.HistoricRisk != YesNo.Unspecified)
            throw RuleViolation.Rule("Policy Annex 1", "Historic risk is asked only when there is no current risk: leave it unanswered", "historic_risk");

        if (AgainstFlag(c, a.CurrentRisk, a.HistoricRisk) && (!a.ConfirmNoRiskDespiteFlag || string.IsNullOrWhiteSpace(a.ConfirmationReason)))
            throw RuleViolation.Rule("MOU 2.3.4",
                "The case index flags a risk on this case: answering no risk needs confirm_no_risk_despite_flag and a confirmation_reason",
                "confirm_no_risk_despite_flag");

        List<string> further = [];
        CourtPermission? usedPermission = null;
        if (a.CourtPermission == YesNo.No)
        {
            if (a.FurtherInformation.Count > 0 || !string.IsNullOrWhiteSpace(a.PermissionReference))
                throw RuleViolation.Rule("Policy 1.8", "Further information may be shared only where the court has permitted it", "further_information");
        }
        else
        {
            if (c.CourtPermissions.Count == 0)
                throw RuleViolation.Rule("Policy 1.8", "No court permission to disclose is recorded on the case: only the nature of the dispute may be shared", "court_permission");
            var permission = c.CourtPermissions.FirstOrDefault(p => Same(p.Reference, a.PermissionReference ?? ""))
                ?? throw RuleViolation.Rule("Policy 1.8", "Name the court permission relied on, by a reference recorded on the case", "court_permission_reference");
            if (a.FurtherInformation.Count == 0)
                throw RuleViolation.Invalid("further_information", "say what further information can be shared (Annex 1 Q3)");
            foreach (var statement in a.FurtherInformation)
            {
                var allowed = permission.ShareableInformation.FirstOrDefault(s => Same(s, statement))
                    ?? throw RuleViolation.Rule("Policy 1.8", $"Only the statements court permission '{permission.Reference}' allows may be shared", "further_information");
                if (!further.Contains(allowed)) further.Add(allowed);
            }
            usedPermission = permission;
        }

        return new SharingAnswer(YesNo.Yes, a.CurrentRisk, a.CurrentRisk == YesNo.No ? a.HistoricRisk : YesNo.Unspecified, a.CourtPermission, further, by, now, usedPermission?.Reference);
    }

    /// <summary>Whether answering needed the no-risk confirmation (so its reason is kept).</summary>
    public static bool NeededConfirmation(CaseRecord c, SharingAnswer a) => AgainstFlag(c, a.CurrentRisk, a.HistoricRisk);

    /// <summary>An answer of "no risk" where the case index flags one (MOU 2.3.4): it needs a confirmation and its reason.</summary>
    private static bool AgainstFlag(CaseRecord c, YesNo currentRisk, YesNo historicRisk) =>
        (c.CurrentRisk && currentRisk == YesNo.No) || (c.HistoricRisk && currentRisk == YesNo.No && historicRisk == YesNo.No);

    private static bool Same(string a, string b) => string.Equals(Collapse(a), Collapse(b), StringComparison.OrdinalIgnoreCase);

    private static string Collapse(string s) => Regex.Replace(s.Trim(), @"\s+", " ");

    // The statements of the disclosure record (MOU 2.3.5): each states exactly what NACCC was told.

    public static List<string> NotOpenItems(YesNo openInPast) =>
    [
        "Currently open to Cafcass: no",
        $"Open to Cafcass in the past (since 2005): {Say(openInPast)}",
        NotOpenMessage,
    ];

    public static List<string> RoutedItems(AllocatedFca fca) =>
    [
        "Currently open to Cafcass: yes",
        $"Allocated FCA's contact details: {string.Join(", ", new[] { fca.DisplayName, fca.Email, fca.Phone }.Where(s => !string.IsNullOrWhiteSpace(s)))}",
    ];

    /// <summary>
    /// What NACCC is told beside the outcome (MOU 2.3.3): the not-open message when the look-up found
    /// no open case, and when the case closed after routing and the FCA's answer says "not open now".
    /// The disclosure statement (<see cref="NotOpenItems"/>, <see cref="AnswerItems"/>) records the same.
    /// </summary>
    public static string? OutcomeMessage(SharingState state, SharingAnswer? answer) =>
        state == SharingState.NotOpen || answer is { OpenNow: YesNo.No } ? NotOpenMessage : null;

    public static List<string> AnswerItems(SharingAnswer a)
    {
        var items = new List<string> { $"Currently open to Cafcass: {Say(a.OpenNow)}" };
        if (a.OpenNow == YesNo.No)
        {
            items.Add(NotOpenMessage);
            return items;
        }
        items.Add($"Current risk likely to have an impact on supported contact: {Say(a.CurrentRisk)}");
        if (a.HistoricRisk != YesNo.Unspecified) items.Add($"Historic risks or concerns that might impact upon contact: {Say(a.HistoricRisk)}");
        items.Add($"Court permission to share further information: {Say(a.CourtPermission)}" + (a.CourtPermission == YesNo.Yes ? $" ({a.PermissionReference})" : ""));
        items.AddRange(a.FurtherInformation.Select(s => $"Further information shared with the court's permission: {s}"));
        return items;
    }

    private static string Say(YesNo answer) => answer switch { YesNo.Yes => "yes", YesNo.No => "no", _ => "not asked" };
}
