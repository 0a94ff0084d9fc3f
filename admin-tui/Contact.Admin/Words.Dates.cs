using Google.Protobuf.WellKnownTypes;

namespace Contact.Admin;

/// <summary>Dates and times as the console shows and reads them.</summary>
public static partial class Words
{
    public static string Date(Google.Type.Date? d) => d is null || d.Year == 0 ? "-" : $"{d.Year:D4}-{d.Month:D2}-{d.Day:D2}";

    public static string Time(Timestamp? t) => t is null ? "-" : t.ToDateTimeOffset().ToLocalTime().ToString("yyyy-MM-dd HH:mm");

    public static string Day(Timestamp? t) => t is null ? "-" : t.ToDateTimeOffset().ToLocalTime().ToString("yyyy-MM-dd");

    /// <summary>A date as people write it ("1 Dec 2026"); null is today.</summary>
    public static string LongDate(Google.Type.Date? d) =>
        (d is null || d.Year == 0 ? DateOnly.FromDateTime(DateTime.Today) : new DateOnly(d.Year, d.Month, d.Day)).ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static Google.Type.Date ToDate(DateOnly d) => new() { Year = d.Year, Month = d.Month, Day = d.Day };

    /// <summary>Parses yyyy-mm-dd; blank is null.</summary>
    public static bool TryParseDate(string text, out Google.Type.Date? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", out var d)) return false;
        date = ToDate(d);
        return true;
    }

    /// <summary>The financial year that contains <paramref name="day"/>, "2026-27": the domain's rule (MOU 2.4.2 rounds).</summary>
    public static string FinancialYear(DateOnly day) => Contact.Server.Domain.Grants.FinancialYear.Containing(day).ToString();
}
