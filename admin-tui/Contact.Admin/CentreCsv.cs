using System.Globalization;
using CsvHelper;
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
            string Get(string column) => header.IndexOf(column) is var i and >= 0 && i < fields.Count ? Unguard(fields[i].Trim()) : "";
            try { rows.Add(new Row(line, ToCentre(Get), null)); }
            catch (FormatException ex) { rows.Add(new Row(line, null, ex.Message)); }
        }
        return rows;
    }

    /// <summary>What <see cref="Write"/> does to a cell a spreadsheet would run as a formula (an apostrophe first), undone on import.</summary>
    private static readonly CsvWriterOptions ExportOptions = new() { Injection = CsvInjection.Escape };

    private static string Unguard(string value) =>
        value.Length > 1 && value[0] == ExportOptions.InjectionEscape && ExportOptions.InjectionCharacters.Contains(value[1]) ? value[1..] : value;

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

    /// <summary>
    /// Writes the register as CSV (CsvHelper, RFC 4180). NCT opens it in a spreadsheet, so a cell
    /// that starts like a formula (=, +, -, @, tab, CR) is written with an apostrophe first.
    /// </summary>
    public static void Write(TextWriter writer, IEnumerable<Centre> centres)
    {
        using var csv = CsvWriter.Create(writer, ExportOptions, leaveOpen: true);
        csv.WriteHeader(Columns);
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
            csv.WriteRecord(values);
        }
    }

    private static string DateOrBlank(Google.Type.Date? d) => d is null || d.Year == 0 ? "" : Words.Date(d);

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    /// <summary>RFC 4180 records (CsvHelper) with the line each starts on; a comma always, any quoting lenient.</summary>
    private static IEnumerable<(int Line, List<string> Fields)> Records(TextReader text)
    {
        using var csv = CsvReader.Create(text, new CsvReaderOptions { Separator = ',', HasHeader = false, TrackLineNumbers = true }, leaveOpen: true);
        while (csv.Read())
        {
            var fields = new List<string>(csv.FieldCount);
            for (var i = 0; i < csv.FieldCount; i++) fields.Add(csv.GetString(i));
            yield return ((int)csv.LineNumber, fields);
        }
    }
}
