using Contact.Server.Domain.Common;

namespace Contact.Server.Domain.Cases;

/// <summary>The rules a case in the index keeps.</summary>
public static class CaseRules
{
    /// <summary>The index goes back to 2005 ("Searches go back to 2005", policy Annex 1).</summary>
    public static readonly DateOnly IndexStart = new(2005, 1, 1);

    public const int MaxChildren = 20, MaxParties = 20, MaxPermissions = 20, MaxStatements = 20;

    public static readonly IReadOnlyList<string> UpdatablePaths =
        ["children", "parties", "status", "opened_date", "closed_date", "allocated_fca", "risk_flags", "court_permissions"];

    /// <summary>Checks a whole case; every problem is reported under <paramref name="prefix"/>.</summary>
    public static void Validate(CaseRecord c, DateOnly today, string prefix = "case")
    {
        var v = new Validation();
        v.RequireText(c.CaseNumber, $"{prefix}.case_number", 40);
        v.Require(c.Children.Count is > 0 and <= MaxChildren, $"{prefix}.children", $"from 1 to {MaxChildren} children are required");
        for (var i = 0; i < c.Children.Count; i++)
        {
            var child = c.Children[i];
            var at = $"{prefix}.children[{i}]";
            v.RequireText(child.GivenNames, $"{at}.given_names", 100).RequireText(child.FamilyName, $"{at}.family_name", 100);
            v.Require(ChildNames.Compact(child.GivenNames ?? "").Length > 0, $"{at}.given_names", "needs a letter or digit");
            v.Require(ChildNames.Compact(child.FamilyName ?? "").Length > 0, $"{at}.family_name", "needs a letter or digit");
            v.Require(child.DateOfBirth != default && child.DateOfBirth <= today, $"{at}.date_of_birth", "is required and must not be in the future");
            v.OptionalText(child.Postcode, $"{at}.postcode", 10);
            foreach (var line in child.AddressLines) v.OptionalText(line, $"{at}.address_lines", 100);
        }
        v.Require(c.Parties.Count <= MaxParties, $"{prefix}.parties", $"at most {MaxParties}");
        for (var i = 0; i < c.Parties.Count; i++)
            v.RequireText(c.Parties[i].FullName, $"{prefix}.parties[{i}].full_name", 160).OptionalText(c.Parties[i].Role, $"{prefix}.parties[{i}].role", 60);
        v.Require(c.Status != CaseStatus.Unspecified, $"{prefix}.status", "is required");
        v.Require(c.Opened != default, $"{prefix}.opened_date", "is required");
        if (c.Opened != default)
        {
            v.Require(c.Opened >= IndexStart, $"{prefix}.opened_date", "must be 2005-01-01 or later: the case index goes back to 2005 (policy Annex 1)");
            v.Require(c.Opened <= today, $"{prefix}.opened_date", "must not be in the future");
        }
        if (c.Status == CaseStatus.Closed)
        {
            v.Require(c.Closed is not null, $"{prefix}.closed_date", "is required for a closed case");
            v.Require(c.Closed is null || (c.Closed >= c.Opened && c.Closed <= today), $"{prefix}.closed_date", "must be from the opening date to today");
        }
        else
        {
            v.Require(c.Closed is null, $"{prefix}.closed_date", "is set only for a closed case");
        }
        // The call centre gives NACCC the allocated FCA's contact details for an open case (MOU 2.3.4).
        v.Require(c.Status != CaseStatus.Open || c.Fca is not null, $"{prefix}.allocated_fca", "is required for an open case (MOU 2.3.4)");
        if (c.Fca is { } fca)
        {
            v.RequireText(fca.FcaId, $"{prefix}.allocated_fca.fca_id", 64).RequireText(fca.DisplayName, $"{prefix}.allocated_fca.display_name", 120);
            v.OptionalText(fca.Email, $"{prefix}.allocated_fca.email", 200).OptionalText(fca.Phone, $"{prefix}.allocated_fca.phone", 40);
            v.Require(fca.Email is not null || fca.Phone is not null, $"{prefix}.allocated_fca", "needs an email or a telephone number (MOU 2.3.4)");
        }
        v.Require(c.CourtPermissions.Count <= MaxPermissions, $"{prefix}.court_permissions", $"at most {MaxPermissions}");
        for (var i = 0; i < c.CourtPermissions.Count; i++)
        {
            var p = c.CourtPermissions[i];
            var at = $"{prefix}.court_permissions[{i}]";
            v.RequireText(p.Reference, $"{at}.reference", 120);
            v.Require(p.Date != default && p.Date <= today, $"{at}.date", "is required and must not be in the future");
            v.Require(p.ShareableInformation.Count is > 0 and <= MaxStatements, $"{at}.shareable_information", $"from 1 to {MaxStatements} statements are required");
            foreach (var s in p.ShareableInformation) v.RequireText(s, $"{at}.shareable_information", 1000);
        }
        v.Require(c.CourtPermissions.Select(p => p.Reference.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == c.CourtPermissions.Count,
            $"{prefix}.court_permissions", "references must be unique");
        v.ThrowIfInvalid();
    }

    /// <summary>Copies the masked fields of <paramref name="from"/> onto <paramref name="to"/>.</summary>
    public static void ApplyMask(CaseRecord from, CaseRecord to, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            switch (path)
            {
                case "children": to.Children = from.Children; break;
                case "parties": to.Parties = from.Parties; break;
                case "status": to.Status = from.Status; break;
                case "opened_date": to.Opened = from.Opened; break;
                case "closed_date": to.Closed = from.Closed; break;
                case "allocated_fca": to.Fca = from.Fca; break;
                case "risk_flags": (to.CurrentRisk, to.HistoricRisk) = (from.CurrentRisk, from.HistoricRisk); break;
                case "court_permissions": to.CourtPermissions = from.CourtPermissions; break;
                default: throw RuleViolation.Invalid("update_mask", $"'{path}' cannot be updated");
            }
        }
    }
}
