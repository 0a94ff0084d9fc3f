using Contact.Server.Domain.Common;
using Contact.Server.Domain.Geo;
using Contact.Server.Domain.Postcodes;

namespace Contact.Server.Domain.Register;

/// <summary>What makes a register entry valid. Field names are the proto paths under <c>centre.</c>.</summary>
public static class CentreRules
{
    public const int MaxWaitingWeeks = 104;

    /// <summary>
    /// Checks a centre's details and normalises its postcode. <paramref name="needsLocation"/> is
    /// false when the location will be resolved from the postcode.
    /// </summary>
    public static void Validate(Centre c, string prefix = "centre", bool needsLocation = true)
    {
        var v = new Validation()
            .RequireText(c.DisplayName, $"{prefix}.display_name", 160)
            .RequireText(c.OrganisationName, $"{prefix}.organisation.name", 160)
            .OptionalText(c.CharityNumber, $"{prefix}.organisation.charity_number", 20)
            .Require(c.Setting is Setting.CentreBased or Setting.Community, $"{prefix}.setting", "must be CENTRE_BASED or COMMUNITY")
            .Require(c.ContactTypes.Count > 0, $"{prefix}.contact_types", "at least one contact type is required")
            .Require(c.ContactTypes.All(t => t is > ContactKind.Unspecified and <= ContactKind.Indirect), $"{prefix}.contact_types", "unknown contact type")
            .Require(c.ContactTypes.Distinct().Count() == c.ContactTypes.Count, $"{prefix}.contact_types", "must not repeat a type")
            .Require(c.AddressLines.Count <= 6, $"{prefix}.address.lines", "at most 6 lines")
            .RequireText(c.Town, $"{prefix}.address.town", 80)
            .OptionalText(c.Region, $"{prefix}.region", 60)
            .OptionalText(c.Phone, $"{prefix}.contact_details.phone", 40)
            .OptionalText(c.Email, $"{prefix}.contact_details.email", 200)
            .OptionalText(c.Website, $"{prefix}.contact_details.website", 300)
            .OptionalText(c.ContractReference, $"{prefix}.commissioning.contract_reference", 60);
        for (var i = 0; i < c.AddressLines.Count; i++) v.RequireText(c.AddressLines[i], $"{prefix}.address.lines[{i}]", 120);

        if (Postcode.TryParse(c.Postcode, out var postcode)) c.Postcode = postcode.ToString();
        else v.Add($"{prefix}.address.postcode", "must be a valid UK postcode, e.g. \"NG1 5HJ\"");

        if (needsLocation || c.Latitude != 0 || c.Longitude != 0)
            v.Require(GeoPoint.IsValid(c.Latitude, c.Longitude) && !(c.Latitude == 0 && c.Longitude == 0),
                $"{prefix}.location", "latitude must be within ±90 and longitude within ±180");

        if (c.Email is { Length: > 0 } email) v.Require(email.Contains('@') && !email.Contains(' '), $"{prefix}.contact_details.email", "must be an email address");
        if (c.WaitingWeeks is { } weeks) v.Require(weeks is >= 0 and <= MaxWaitingWeeks, $"{prefix}.waiting_time.weeks", $"must be from 0 to {MaxWaitingWeeks}");
        for (var i = 0; i < c.OpeningSessions.Count; i++)
            v.Require(c.OpeningSessions[i].Opens < c.OpeningSessions[i].Closes, $"{prefix}.opening_sessions[{i}]", "must close after it opens");
        if (!string.IsNullOrEmpty(c.ContractReference))
        {
            v.Require(c.CommissionStart is not null, $"{prefix}.commissioning.period.start_date", "a commissioned service needs its contract start date");
            if (c.CommissionStart is { } start && c.CommissionEnd is { } end)
                v.Require(end >= start, $"{prefix}.commissioning.period.end_date", "must not be before the start date");
        }
        v.ThrowIfInvalid();
    }

    /// <summary>Organisation names compared without case, punctuation or legal suffixes.</summary>
    public static string OrganisationKey(string name)
    {
        var words = new string(name.ToLowerInvariant().Select(ch => char.IsLetterOrDigit(ch) ? ch : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("ltd" or "limited" or "cic" or "cio" or "plc" or "the" or "charity"))
            .Select(w => w == "and" ? "&" : w);
        return string.Join(' ', words);
    }

    /// <summary>Charity numbers compared without spaces or dashes.</summary>
    public static string CharityKey(string number) => new(number.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}
