namespace Contact.Server.Domain.Common;

/// <summary>
/// Calendar dates in UK local time: accreditation renewal dates, waiting-time confirmations and
/// commissioning periods are UK calendar days, so "today" is the date in Europe/London.
/// </summary>
public static class UkClock
{
    public static readonly TimeZoneInfo Zone = FindZone();

    public static DateOnly Today(TimeProvider time) => DateOf(time.GetUtcNow());

    public static DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>
    /// The system's UK zone (IANA id, then Windows id); failing both, e.g. in a container without tz data,
    /// the current statutory rule: BST from 01:00 GMT on the last Sunday of March to 01:00 GMT on the last
    /// Sunday of October, applied to every year.
    /// </summary>
    private static TimeZoneInfo FindZone()
    {
        foreach (var id in new[] { "Europe/London", "GMT Standard Time" })
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
                return zone;
        }

        // Transition times are local: 01:00 GMT to start, 02:00 BST (= 01:00 GMT) to end.
        var summerTime = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            DateTime.MinValue.Date,
            DateTime.MaxValue.Date,
            TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 1, 0, 0), 3, 5, DayOfWeek.Sunday),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 10, 5, DayOfWeek.Sunday));
        return TimeZoneInfo.CreateCustomTimeZone("Europe/London", TimeSpan.Zero, "UK time", "GMT", "BST", [summerTime]);
    }
}
