using Contact.Server.Domain.InformationSharing;
using Xunit;

namespace Contact.Tests.Domain;

public class BankHolidaysTests
{
    /// <summary>
    /// The officially published dates: GOV.UK "UK bank holidays", division "England and Wales"
    /// (https://www.gov.uk/bank-holidays), copied in full with each entry's title and whether its
    /// notes say "Substitute day". Curly apostrophes are written as plain ones.
    /// </summary>
    private static readonly Dictionary<int, (string Date, string Title, bool Substitute)[]> Published = new()
    {
        [2018] =
        [
            ("2018-01-01", "New Year's Day", false),
            ("2018-03-30", "Good Friday", false),
            ("2018-04-02", "Easter Monday", false),
            ("2018-05-07", "Early May bank holiday", false),
            ("2018-05-28", "Spring bank holiday", false),
            ("2018-08-27", "Summer bank holiday", false),
            ("2018-12-25", "Christmas Day", false),
            ("2018-12-26", "Boxing Day", false),
        ],
        [2019] =
        [
            ("2019-01-01", "New Year's Day", false),
            ("2019-04-19", "Good Friday", false),
            ("2019-04-22", "Easter Monday", false),
            ("2019-05-06", "Early May bank holiday", false),
            ("2019-05-27", "Spring bank holiday", false),
            ("2019-08-26", "Summer bank holiday", false),
            ("2019-12-25", "Christmas Day", false),
            ("2019-12-26", "Boxing Day", false),
        ],
        [2020] =
        [
            ("2020-01-01", "New Year's Day", false),
            ("2020-04-10", "Good Friday", false),
            ("2020-04-13", "Easter Monday", false),
            ("2020-05-08", "Early May bank holiday (VE day)", false),
            ("2020-05-25", "Spring bank holiday", false),
            ("2020-08-31", "Summer bank holiday", false),
            ("2020-12-25", "Christmas Day", false),
            ("2020-12-28", "Boxing Day", true),
        ],
        [2021] =
        [
            ("2021-01-01", "New Year's Day", false),
            ("2021-04-02", "Good Friday", false),
            ("2021-04-05", "Easter Monday", false),
            ("2021-05-03", "Early May bank holiday", false),
            ("2021-05-31", "Spring bank holiday", false),
            ("2021-08-30", "Summer bank holiday", false),
            ("2021-12-27", "Christmas Day", true),
            ("2021-12-28", "Boxing Day", true),
        ],
        [2022] =
        [
            ("2022-01-03", "New Year's Day", true),
            ("2022-04-15", "Good Friday", false),
            ("2022-04-18", "Easter Monday", false),
            ("2022-05-02", "Early May bank holiday", false),
            ("2022-06-02", "Spring bank holiday", false),
            ("2022-06-03", "Platinum Jubilee bank holiday", false),
            ("2022-08-29", "Summer bank holiday", false),
            ("2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II", false),
            ("2022-12-26", "Boxing Day", false),
            ("2022-12-27", "Christmas Day", true),
        ],
        [2023] =
        [
            ("2023-01-02", "New Year's Day", true),
            ("2023-04-07", "Good Friday", false),
            ("2023-04-10", "Easter Monday", false),
            ("2023-05-01", "Early May bank holiday", false),
            ("2023-05-08", "Bank holiday for the coronation of King Charles III", false),
            ("2023-05-29", "Spring bank holiday", false),
            ("2023-08-28", "Summer bank holiday", false),
            ("2023-12-25", "Christmas Day", false),
            ("2023-12-26", "Boxing Day", false),
        ],
        [2024] =
        [
            ("2024-01-01", "New Year's Day", false),
            ("2024-03-29", "Good Friday", false),
            ("2024-04-01", "Easter Monday", false),
            ("2024-05-06", "Early May bank holiday", false),
            ("2024-05-27", "Spring bank holiday", false),
            ("2024-08-26", "Summer bank holiday", false),
            ("2024-12-25", "Christmas Day", false),
            ("2024-12-26", "Boxing Day", false),
        ],
        [2025] =
        [
            ("2025-01-01", "New Year's Day", false),
            ("2025-04-18", "Good Friday", false),
            ("2025-04-21", "Easter Monday", false),
            ("2025-05-05", "Early May bank holiday", false),
            ("2025-05-26", "Spring bank holiday", false),
            ("2025-08-25", "Summer bank holiday", false),
            ("2025-12-25", "Christmas Day", false),
            ("2025-12-26", "Boxing Day", false),
        ],
        [2026] =
        [
            ("2026-01-01", "New Year's Day", false),
            ("2026-04-03", "Good Friday", false),
            ("2026-04-06", "Easter Monday", false),
            ("2026-05-04", "Early May bank holiday", false),
            ("2026-05-25", "Spring bank holiday", false),
            ("2026-08-31", "Summer bank holiday", false),
            ("2026-12-25", "Christmas Day", false),
            ("2026-12-28", "Boxing Day", true),
        ],
        [2027] =
        [
            ("2027-01-01", "New Year's Day", false),
            ("2027-03-26", "Good Friday", false),
            ("2027-03-29", "Easter Monday", false),
            ("2027-05-03", "Early May bank holiday", false),
            ("2027-05-31", "Spring bank holiday", false),
            ("2027-08-30", "Summer bank holiday", false),
            ("2027-12-27", "Christmas Day", true),
            ("2027-12-28", "Boxing Day", true),
        ],
    };

    public static TheoryData<int> PublishedYears => new(Enumerable.Range(2018, 10));

    [Theory]
    [MemberData(nameof(PublishedYears))]
    public void For_matches_the_published_dates_and_titles(int year)
    {
        var expected = Published[year];
        var actual = BankHolidays.For(year);

        Assert.Equal(expected.Select(e => DateOnly.Parse(e.Date)), actual.Select(a => a.Date));
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.StartsWith(e.Title, a.Name);
            Assert.Equal(e.Substitute, a.Name.Contains("substitute day"));
        }
    }

    [Fact]
    public void Published_data_covers_every_year_from_2018_to_2027_in_full()
    {
        Assert.Equal(Enumerable.Range(2018, 10), Published.Keys.Order());
        Assert.Equal(83, Published.Values.Sum(v => v.Length));
    }

    [Theory]
    [MemberData(nameof(PublishedYears))]
    public void IsBankHoliday_is_true_exactly_on_the_published_dates(int year)
    {
        var published = Published[year].Select(e => DateOnly.Parse(e.Date)).ToHashSet();
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
            Assert.Equal(published.Contains(day), BankHolidays.IsBankHoliday(day));
    }

    [Theory]
    [InlineData(1995, "1995-05-08", "1995-05-01")] // VE Day 50th: Early May moved from 1 May
    [InlineData(1999, "1999-12-31", null)] // Millennium
    [InlineData(2002, "2002-06-03", "2002-05-27")] // Golden Jubilee: Spring moved to 4 June, extra 3 June
    [InlineData(2002, "2002-06-04", null)]
    [InlineData(2011, "2011-04-29", null)] // Royal wedding
    [InlineData(2012, "2012-06-04", "2012-05-28")] // Diamond Jubilee: Spring moved to 4 June, extra 5 June
    [InlineData(2012, "2012-06-05", null)]
    public void Earlier_proclaimed_changes_are_applied(int year, string added, string? removed)
    {
        var dates = BankHolidays.For(year).Select(h => h.Date).ToList();
        Assert.Contains(DateOnly.Parse(added), dates);
        if (removed is not null)
            Assert.DoesNotContain(DateOnly.Parse(removed), dates);
    }

    [Theory]
    [InlineData(1995, 8)]
    [InlineData(1999, 9)]
    [InlineData(2002, 9)]
    [InlineData(2011, 9)]
    [InlineData(2012, 9)]
    public void Earlier_changed_years_have_the_right_number_of_days(int year, int count) =>
        Assert.Equal(count, BankHolidays.For(year).Count);

    [Theory]
    [InlineData(2038, "2038-04-23", "2038-04-26")] // latest Easter of the century: 25 April
    [InlineData(2285, "2285-03-20", "2285-03-23")] // earliest possible Easter: 22 March
    [InlineData(2000, "2000-04-21", "2000-04-24")]
    public void Easter_follows_the_Gregorian_computus(int year, string goodFriday, string easterMonday)
    {
        var holidays = BankHolidays.For(year);
        Assert.Contains((DateOnly.Parse(goodFriday), "Good Friday"), holidays);
        Assert.Contains((DateOnly.Parse(easterMonday), "Easter Monday"), holidays);
    }

    [Fact]
    public void Every_year_has_distinct_weekday_holidays_in_date_order()
    {
        for (var year = 1978; year <= 2200; year++)
        {
            var holidays = BankHolidays.For(year);
            Assert.InRange(holidays.Count, 8, 10);
            Assert.All(holidays, h => Assert.True(h.Date.Year == year && h.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), $"{h}"));
            Assert.Equal(holidays.Select(h => h.Date).Order(), holidays.Select(h => h.Date));
            Assert.Equal(holidays.Count, holidays.Select(h => h.Date).Distinct().Count());
        }
    }

    [Fact]
    public void For_is_cached_and_safe_to_call_concurrently()
    {
        var results = new IReadOnlyList<(DateOnly, string)>[64];
        Parallel.For(0, results.Length, i => results[i] = BankHolidays.For(3000 + i % 4));

        Assert.All(results, r => Assert.Same(BankHolidays.For(r[0].Item1.Year), r));
    }

    [Fact]
    public void The_list_cannot_be_changed_by_a_caller() =>
        Assert.False(BankHolidays.For(2025) is (DateOnly, string)[] or List<(DateOnly, string)>);

    [Theory]
    [InlineData(0)]
    [InlineData(10000)]
    public void Years_outside_the_calendar_are_rejected(int year) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BankHolidays.For(year));
}
