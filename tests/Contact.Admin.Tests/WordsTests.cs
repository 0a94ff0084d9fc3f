namespace Contact.Admin.Tests;

/// <summary>The console's money and dates: exact pence, and the domain's financial year.</summary>
public sealed class WordsTests
{
    [Theory]
    [InlineData(1, "requests", "1 request")]
    [InlineData(2, "requests", "2 requests")]
    [InlineData(0, "entries", "0 entries")]
    [InlineData(1, "entries", "1 entry")]
    [InlineData(1, "grant rounds", "1 grant round")]
    [InlineData(1, "concerns (open and closed)", "1 concern (open and closed)")]
    [InlineData(1, "\"call centre\"", "1 \"call centre\"")]
    public void One_of_a_thing_is_counted_in_the_singular(int count, string plural, string said) =>
        Assert.Equal(said, RowSearch.Count(0, count, plural, ""));

    [Theory]
    [InlineData(2026, 4, 1, "2026-27")]
    [InlineData(2027, 3, 31, "2026-27")]
    [InlineData(2099, 12, 31, "2099-00")]
    public void The_financial_year_runs_from_1_April_to_31_March(int year, int month, int day, string expected) =>
        Assert.Equal(expected, Words.FinancialYear(new DateOnly(year, month, day)));

    [Theory]
    [InlineData("12500", 1_250_000)]
    [InlineData("£12,500.5", 1_250_050)]
    [InlineData("0.01", 1)]
    public void Pounds_parse_exactly_to_pence(string text, long pence)
    {
        Assert.True(Words.TryParsePounds(text, out var parsed));
        Assert.Equal(pence, parsed);
    }

    [Theory]
    [InlineData("1.005")]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("ten")]
    public void Pounds_refuse_fractions_of_a_penny_signs_and_nothing(string text) =>
        Assert.False(Words.TryParsePounds(text, out _));

    [Fact]
    public void Money_shows_pounds_with_pence() => Assert.Equal("£12,500.50", Words.Money(1_250_050));
}
