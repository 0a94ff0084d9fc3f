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

    private static TimeZoneInfo FindZone()
    {
        foreach (var id in new[] { "Europe/London", "GMT Standard Time" })
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)) return zone;
        }
        return TimeZoneInfo.Utc;
    }
}
