using System.Globalization;

namespace Contact.Server.Domain.Grants;

/// <summary>A UK public-sector financial year, 1 April to 31 March, written "2026-27".</summary>
/// <remarks>Pure C# with no other domain type: the console compiles this file too (Contact.Admin.csproj).</remarks>
public readonly record struct FinancialYear(int StartYear)
{
    public DateOnly Start => new(StartYear, 4, 1);
    public DateOnly End => new(StartYear + 1, 3, 31);
    public override string ToString() => $"{StartYear}-{(StartYear + 1) % 100:00}";

    public static FinancialYear Containing(DateOnly day) => new(day.Month >= 4 ? day.Year : day.Year - 1);

    /// <summary>Parses "YYYY-YY" where YY is the year after YYYY; null when malformed.</summary>
    public static FinancialYear? Parse(string? text)
    {
        if (text is not { Length: 7 } || text[4] != '-') return null;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var end)) return null;
        return start is >= 2000 and <= 2200 && end == (start + 1) % 100 ? new FinancialYear(start) : null;
    }
}
