using System.Collections.Concurrent;
using System.Collections.ObjectModel;

namespace Contact.Server.Domain.InformationSharing;

/// <summary>
/// England and Wales bank holidays, computed by rule for any year so the call-centre
/// calendar never runs out, plus a short table of one-off changes made by royal proclamation.
/// </summary>
/// <remarks>
/// The rules are those in force since 1978 (when the Early May bank holiday began);
/// earlier years are computed with the same rules and are not historically exact.
/// A future one-off change needs an entry in <see cref="OneOffs"/>.
/// </remarks>
public static class BankHolidays
{
    private const string EarlyMay = "Early May bank holiday";
    private const string Spring = "Spring bank holiday";

    /// <summary>A proclaimed change: <paramref name="Replaces"/> names the rule-based holiday it moves, or is null for an extra day.</summary>
    private sealed record OneOff(DateOnly Date, string Name, string? Replaces, string Reason);

    private static readonly OneOff[] OneOffs =
    [
        new(new(1995, 5, 8), "Early May bank holiday (VE day)", EarlyMay, "Moved from Mon 1 May for the 50th anniversary of VE Day"),
        new(new(1999, 12, 31), "Millennium Eve", null, "Extra day for the millennium"),
        new(new(2002, 6, 3), "Golden Jubilee bank holiday", null, "Extra day for the Golden Jubilee of Queen Elizabeth II"),
        new(new(2002, 6, 4), Spring, Spring, "Moved from Mon 27 May to sit beside the Golden Jubilee"),
        new(new(2011, 4, 29), "Royal wedding", null, "Extra day for the wedding of Prince William and Catherine Middleton"),
        new(new(2012, 6, 4), Spring, Spring, "Moved from Mon 28 May to sit beside the Diamond Jubilee"),
        new(new(2012, 6, 5), "Queen's Diamond Jubilee", null, "Extra day for the Diamond Jubilee of Queen Elizabeth II"),
        new(new(2020, 5, 8), "Early May bank holiday (VE day)", EarlyMay, "Moved from Mon 4 May for the 75th anniversary of VE Day"),
        new(new(2022, 6, 2), Spring, Spring, "Moved from Mon 30 May to make a four-day Platinum Jubilee weekend"),
        new(new(2022, 6, 3), "Platinum Jubilee bank holiday", null, "Extra day for the Platinum Jubilee of Queen Elizabeth II"),
        new(new(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II", null, "Extra day for the State Funeral"),
        new(new(2023, 5, 8), "Bank holiday for the coronation of King Charles III", null, "Extra day for the Coronation"),
    ];

    private static readonly ConcurrentDictionary<int, IReadOnlyList<(DateOnly Date, string Name)>> Cache = new();

    /// <summary>The bank holidays of <paramref name="year"/> in England and Wales, sorted by date.</summary>
    public static IReadOnlyList<(DateOnly Date, string Name)> For(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, DateOnly.MinValue.Year);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, DateOnly.MaxValue.Year);
        return Cache.GetOrAdd(year, Compute);
    }

    /// <summary>Whether <paramref name="date"/> is an England and Wales bank holiday.</summary>
    /// <remarks>Substitute days never cross a year boundary (latest 28 Dec, earliest 1 Jan), so one year's list suffices.</remarks>
    public static bool IsBankHoliday(DateOnly date)
    {
        foreach (var holiday in For(date.Year))
            if (holiday.Date == date)
                return true;
        return false;
    }

    private static ReadOnlyCollection<(DateOnly Date, string Name)> Compute(int year)
    {
        var easter = EasterSunday(year);
        var holidays = new List<(DateOnly Date, string Name)>
        {
            NewYear(year),
            (easter.AddDays(-2), "Good Friday"),
            (easter.AddDays(1), "Easter Monday"),
            (FirstMonday(year, 5), EarlyMay),
            (LastMonday(year, 5), Spring),
            (LastMonday(year, 8), "Summer bank holiday"),
        };
        holidays.AddRange(Christmas(year));

        foreach (var change in OneOffs.Where(o => o.Date.Year == year))
        {
            if (change.Replaces is not null)
                holidays.RemoveAll(h => h.Name == change.Replaces);
            holidays.Add((change.Date, change.Name));
        }

        return holidays.OrderBy(h => h.Date).ToList().AsReadOnly();
    }

    /// <summary>
    /// Christmas Day and Boxing Day with their substitutes: a holiday falling at a weekend
    /// moves to the next weekday not already taken by the other.
    /// </summary>
    private static IEnumerable<(DateOnly, string)> Christmas(int year)
    {
        var christmas = new DateOnly(year, 12, 25);
        return christmas.DayOfWeek switch
        {
            DayOfWeek.Friday => [(christmas, "Christmas Day"), (new(year, 12, 28), "Boxing Day (substitute day)")],
            DayOfWeek.Saturday => [(new(year, 12, 27), "Christmas Day (substitute day)"), (new(year, 12, 28), "Boxing Day (substitute day)")],
            DayOfWeek.Sunday => [(new(year, 12, 26), "Boxing Day"), (new(year, 12, 27), "Christmas Day (substitute day)")],
            _ => [(christmas, "Christmas Day"), (new(year, 12, 26), "Boxing Day")],
        };
    }

    /// <summary>Easter Sunday by the anonymous Gregorian (Meeus/Jones/Butcher) algorithm.</summary>
    private static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100;
        int d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>New Year's Day, or the Monday after it when it falls at a weekend.</summary>
    private static (DateOnly, string) NewYear(int year)
    {
        var day = new DateOnly(year, 1, 1);
        return day.DayOfWeek switch
        {
            DayOfWeek.Saturday => (day.AddDays(2), "New Year's Day (substitute day)"),
            DayOfWeek.Sunday => (day.AddDays(1), "New Year's Day (substitute day)"),
            _ => (day, "New Year's Day"),
        };
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }
}
