using System.Globalization;
using Contact.Server.Domain.InformationSharing;
using Xunit;

namespace Contact.Tests.Domain;

/// <summary>
/// Instants are written in UTC with the UK local time alongside: GMT (UTC+0) in winter,
/// BST (UTC+1) from 30 March to 26 October 2025.
/// </summary>
public class CallCentreHoursTests
{
    private readonly CallCentreHours _hours = new();

    private static DateTimeOffset Utc(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    [Theory]
    [InlineData("2025-01-10T16:29:00Z", true)] // Fri 16:29 GMT
    [InlineData("2025-01-10T16:30:00Z", false)] // Fri 16:30 GMT: Friday closing
    [InlineData("2025-01-10T16:31:00Z", false)] // Fri 16:31 GMT
    [InlineData("2025-06-13T15:29:00Z", true)] // Fri 16:29 BST
    [InlineData("2025-06-13T15:31:00Z", false)] // Fri 16:31 BST
    [InlineData("2025-01-09T16:59:59Z", true)] // Thu 16:59:59 GMT
    [InlineData("2025-01-09T17:00:00Z", false)] // Thu 17:00 GMT: closing
    [InlineData("2025-01-09T08:59:59Z", false)] // Thu 08:59:59 GMT
    [InlineData("2025-01-09T09:00:00Z", true)] // Thu 09:00 GMT: opening
    [InlineData("2025-01-10T16:45:00Z", false)] // Fri 16:45 GMT: open until 17:00 on other weekdays only
    [InlineData("2025-01-11T12:00:00Z", false)] // Saturday
    [InlineData("2025-01-12T12:00:00Z", false)] // Sunday
    [InlineData("2025-04-18T11:00:00Z", false)] // Good Friday, 12:00 BST
    [InlineData("2025-04-17T11:00:00Z", true)] // Thursday before it, 12:00 BST
    [InlineData("2025-04-21T11:00:00Z", false)] // Easter Monday
    [InlineData("2025-12-25T11:00:00Z", false)] // Christmas Day
    public void IsOpen(string instant, bool open) => Assert.Equal(open, _hours.IsOpen(Utc(instant)));

    [Theory]
    [InlineData("2025-07-07T08:30:00Z", true)] // Mon 09:30 BST
    [InlineData("2025-07-07T16:30:00Z", false)] // Mon 17:30 BST
    [InlineData("2025-01-13T08:30:00Z", false)] // Mon 08:30 GMT
    [InlineData("2025-01-13T16:30:00Z", true)] // Mon 16:30 GMT
    [InlineData("2025-03-31T08:00:00Z", true)] // Mon 09:00 BST, the day after the clocks go forward
    [InlineData("2025-10-27T08:30:00Z", false)] // Mon 08:30 GMT, the day after the clocks go back
    public void The_same_UTC_time_is_open_or_closed_depending_on_summer_time(string instant, bool open) =>
        Assert.Equal(open, _hours.IsOpen(Utc(instant)));

    [Fact]
    public void Instants_at_any_offset_mean_the_same_moment()
    {
        var atOffset = new DateTimeOffset(2025, 7, 7, 9, 30, 0, TimeSpan.FromHours(1)); // 08:30Z
        Assert.True(_hours.IsOpen(atOffset));
        var next = _hours.NextOpening(atOffset);
        Assert.Equal(atOffset, next);
        Assert.Equal(TimeSpan.Zero, next.Offset);
    }

    [Theory]
    [InlineData("2025-05-23T17:00:00Z", "2025-05-27T08:00:00Z")] // Fri 18:00 BST before Spring bank holiday -> Tue 09:00 BST
    [InlineData("2025-08-22T15:30:00Z", "2025-08-26T08:00:00Z")] // Fri 16:30 BST before Summer bank holiday -> Tue 09:00 BST
    [InlineData("2025-04-17T16:00:00Z", "2025-04-22T08:00:00Z")] // Thu 17:00 BST before Easter -> Tue 09:00 BST
    [InlineData("2025-12-24T17:30:00Z", "2025-12-29T09:00:00Z")] // Christmas Eve evening -> Mon 29 Dec 09:00 GMT
    [InlineData("2025-03-28T16:30:00Z", "2025-03-31T08:00:00Z")] // Fri 16:30 GMT (closing) -> Mon 09:00 BST, after the clocks go forward
    [InlineData("2025-10-24T16:00:00Z", "2025-10-27T09:00:00Z")] // Fri 17:00 BST -> Mon 09:00 GMT, after the clocks go back
    [InlineData("2025-01-13T06:00:00Z", "2025-01-13T09:00:00Z")] // Mon early morning -> same day
    [InlineData("2025-01-13T10:15:00Z", "2025-01-13T10:15:00Z")] // already open -> now
    public void NextOpening(string instant, string expected)
    {
        var next = _hours.NextOpening(Utc(instant));
        Assert.Equal(Utc(expected), next);
        Assert.Equal(TimeSpan.Zero, next.Offset);
    }

    [Theory]
    [InlineData("2025-01-09T10:00:00Z", "2025-01-09T17:00:00Z")] // Thu GMT
    [InlineData("2025-01-10T10:00:00Z", "2025-01-10T16:30:00Z")] // Fri GMT
    [InlineData("2025-06-13T10:00:00Z", "2025-06-13T15:30:00Z")] // Fri BST
    [InlineData("2025-07-07T08:00:00Z", "2025-07-07T16:00:00Z")] // Mon BST, at opening
    [InlineData("2025-01-09T17:00:00Z", null)] // Thu at closing
    [InlineData("2025-01-11T12:00:00Z", null)] // Saturday
    [InlineData("2025-04-18T11:00:00Z", null)] // Good Friday
    public void ClosesAt(string instant, string? expected)
    {
        var closes = _hours.ClosesAt(Utc(instant));
        Assert.Equal(expected is null ? null : Utc(expected), closes);
        if (closes is { } c)
            Assert.Equal(TimeSpan.Zero, c.Offset);
    }

    [Theory]
    [InlineData("2025-05-23T14:30:00Z", 3.0, "2025-05-27T10:00:00Z")] // Fri 15:30 BST: 1h Fri, weekend, bank holiday Mon, 2h Tue -> 11:00 BST
    [InlineData("2025-12-24T16:00:00Z", 8.0, "2025-12-29T16:00:00Z")] // Wed 16:00: 1h, Christmas, Boxing Day, weekend, 7h Mon
    [InlineData("2025-03-28T16:00:00Z", 1.0, "2025-03-31T08:30:00Z")] // Fri 16:00 GMT: 0.5h, then Mon 09:30 BST
    [InlineData("2025-01-11T12:00:00Z", 2.0, "2025-01-13T11:00:00Z")] // Saturday: counting starts Mon 09:00
    [InlineData("2025-01-13T09:00:00Z", 8.0, "2025-01-13T17:00:00Z")] // a full Monday ends at closing, not the next opening
    [InlineData("2025-01-13T09:00:00Z", 39.5, "2025-01-17T16:30:00Z")] // a full week
    [InlineData("2025-01-13T09:00:00Z", 40.0, "2025-01-20T09:30:00Z")] // a full week and half an hour
    [InlineData("2025-01-11T12:00:00Z", 0.0, "2025-01-13T09:00:00Z")] // nothing to count: due at the next opening
    [InlineData("2025-01-13T12:34:00Z", 0.0, "2025-01-13T12:34:00Z")] // nothing to count while open: due now
    public void AddWorkingTime(string start, double hours, string expected)
    {
        var due = _hours.AddWorkingTime(Utc(start), TimeSpan.FromHours(hours));
        Assert.Equal(Utc(expected), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void AddWorkingTime_rejects_negative_time() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _hours.AddWorkingTime(Utc("2025-01-13T12:00:00Z"), TimeSpan.FromMinutes(-1)));

    [Theory]
    [InlineData("2025-01-09T16:00:00Z", "2025-01-13T10:00:00Z", 9.5)] // Thu 16:00 to Mon 10:00 GMT: 1 + 7.5 + 1
    [InlineData("2025-01-06T00:00:00Z", "2025-01-13T00:00:00Z", 39.5)] // a whole week
    [InlineData("2025-05-23T00:00:00Z", "2025-05-28T00:00:00Z", 15.5)] // Fri 7.5, bank holiday weekend, Tue 8
    [InlineData("2025-12-24T16:00:00Z", "2025-12-29T10:00:00Z", 2.0)] // Christmas: 1h Wed, 1h Mon
    [InlineData("2025-03-28T16:00:00Z", "2025-03-31T09:00:00Z", 1.5)] // over the clocks going forward: 0.5 + 1 (09:00-10:00 BST)
    [InlineData("2025-01-13T10:00:00Z", "2025-01-13T12:00:00Z", 2.0)] // within one session
    [InlineData("2025-01-11T00:00:00Z", "2025-01-12T23:59:59Z", 0.0)] // a weekend
    [InlineData("2025-01-13T12:00:00Z", "2025-01-13T12:00:00Z", 0.0)] // empty
    [InlineData("2025-01-14T12:00:00Z", "2025-01-13T12:00:00Z", 0.0)] // backwards
    public void WorkingTimeBetween(string from, string to, double hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), _hours.WorkingTimeBetween(Utc(from), Utc(to)));

    [Fact]
    public void WorkingTimeBetween_undoes_AddWorkingTime()
    {
        var start = Utc("2025-03-20T07:45:00Z");
        for (var minutes = 0; minutes <= 60 * 60; minutes += 37)
        {
            var workingTime = TimeSpan.FromMinutes(minutes);
            var due = _hours.AddWorkingTime(start, workingTime);
            Assert.Equal(workingTime, _hours.WorkingTimeBetween(start, due));
        }
    }

    [Fact]
    public void Another_time_zone_can_be_given()
    {
        var utcHours = new CallCentreHours(TimeZoneInfo.Utc);
        Assert.True(utcHours.IsOpen(Utc("2025-07-07T16:30:00Z"))); // 16:30 in UTC, though 17:30 in the UK
        Assert.False(_hours.IsOpen(Utc("2025-07-07T16:30:00Z")));
    }
}
