using System.Globalization;
using System.Text;
using Contact.V1;

namespace Contact.Admin;

/// <summary>
/// The register CSV the console imports and exports. One row per centre; columns by header name
/// (any order, unknown columns ignored). A row with a "name" (centres/…) updates that centre.
/// </summary>
public static class CentreCsv
{
    public static readonly string[] Columns =
    [
        "name", "display_name", "organisation", "charity_number", "setting", "contact_types",
        "address_lines", "town", "postcode", "region", "latitude", "longitude", "phone", "email", "website",
        "contract_reference", "contract_start", "contract_end", "standard_status", "enhanced_status", "waiting_weeks",
    ];

    /// <summary>A parsed row, or the reason it could not be read.</summary>
    public sealed record Row(int Line, Centre? Centre, string? Error);

    public static IReadOnlyList<Row> Read(TextReader reader)
    {
        var records = Records(reader).ToList();
        if (records.Count == 0) return [];
        var header = records[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (!header.Contains("display_name")) return [new Row(1, null, "the header row needs at least a display_name column")];
        var rows = new List<Row>();
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.All(string.IsNullOrWhiteSpace)) continue;
            string Get(string column) => header.IndexOf(column) is var i and >= 0 && i < fields.Count ? fields[i].Trim() : "";
            try { rows.Add(new Row(line, ToCentre(Get), null)); }
            catch (FormatException ex) { rows.Add(new Row(line, null, ex.Message)); }
        }
        return rows;
    }

    private static Centre ToCentre(Func<string, string> get)
    {
        var c = new Centre
        {
            Name = get("name"),
            DisplayName = get("display_name"),
            Organisation = new Organisation { Name = get("organisation"), CharityNumber = get("charity_number") },
            Setting = get("setting").ToLowerInvariant() switch
            {
                "" or "centre-based" or "centre_based" or "centre" => DeliverySetting.CentreBased,
                "community" => DeliverySetting.Community,
                var s => throw new FormatException($"setting \"{s}\" is not centre-based or community"),
            },
            Address = new PostalAddress { Town = get("town"), Postcode = get("postcode") },
            Region = get("region"),
            ContactDetails = new ContactDetails { Phone = get("phone"), Email = get("email"), Website = get("website") },
        };
        foreach (var type in get("contact_types").Split(['|', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
            c.ContactTypes.Add(type.ToLowerInvariant() switch
            {
                "supported" => ContactType.Supported,
                "supervised" => ContactType.Supervised,
                "handover" => ContactType.Handover,
                "indirect" => ContactType.Indirect,
                _ => throw new FormatException($"contact type \"{type}\" is not supported, supervised, handover or indirect"),
            });
        c.Address.Lines.AddRange(get("address_lines").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (get("latitude") is { Length: > 0 } lat || get("longitude").Length > 0)
            c.Location = new GeoPoint { Latitude = Number(get("latitude"), "latitude"), Longitude = Number(get("longitude"), "longitude") };
        if (get("contract_reference") is { Length: > 0 } contract)
            c.Commissioning = new Commissioning
            {
                ContractReference = contract,
                Period = new DateRange { StartDate = Date(get("contract_start"), "contract_start"), EndDate = Date(get("contract_end"), "contract_end") },
            };
        return c;
    }

    private static double Number(string s, string column) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw new FormatException($"{column} \"{s}\" is not a number");

    private static Google.Type.Date? Date(string s, string column) =>
        Words.TryParseDate(s, out var d) ? d : throw new FormatException($"{column} \"{s}\" is not a date like 2026-04-01");

    public static void Write(TextWriter writer, IEnumerable<Centre> centres)
    {
        writer.WriteLine(string.Join(',', Columns));
        foreach (var c in centres)
        {
            string[] values =
            [
                c.Name, c.DisplayName, c.Organisation?.Name ?? "", c.Organisation?.CharityNumber ?? "", Words.Setting(c.Setting),
                string.Join('|', c.ContactTypes.Select(Words.Type)), string.Join('|', c.Address?.Lines ?? []),
                c.Address?.Town ?? "", c.Address?.Postcode ?? "", c.Region,
                c.Location?.Latitude.ToString(CultureInfo.InvariantCulture) ?? "", c.Location?.Longitude.ToString(CultureInfo.InvariantCulture) ?? "",
                c.ContactDetails?.Phone ?? "", c.ContactDetails?.Email ?? "", c.ContactDetails?.Website ?? "",
                c.Commissioning?.ContractReference ?? "", DateOrBlank(c.Commissioning?.Period?.StartDate), DateOrBlank(c.Commissioning?.Period?.EndDate),
                Words.Status(Words.StatusAt(c, AccreditationLevel.Standard)), Words.Status(Words.StatusAt(c, AccreditationLevel.Enhanced)),
                c.WaitingTime is null ? "" : c.WaitingTime.Weeks.ToString(CultureInfo.InvariantCulture),
            ];
            writer.WriteLine(string.Join(',', values.Select(Quote)));
        }
    }

    private static string DateOrBlank(Google.Type.Date? d) => d is null || d.Year == 0 ? "" : Words.Date(d);

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    /// <summary>RFC 4180 records with the line each starts on.</summary>
    private static IEnumerable<(int Line, List<string> Fields)> Records(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var start = 1;
        int ch;
        while ((ch = reader.Read()) != -1)
        {
            var c = (char)ch;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"') { field.Append('"'); reader.Read(); }
                    else quoted = false;
                }
                else { if (c == '\n') line++; field.Append(c); }
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n')
            {
                fields.Add(field.ToString()); field.Clear();
                yield return (start, fields);
                fields = [];
                start = ++line;
            }
            else field.Append(c);
        }
        if (field.Length > 0 || fields.Count > 0) { fields.Add(field.ToString()); yield return (start, fields); }
    }
}
