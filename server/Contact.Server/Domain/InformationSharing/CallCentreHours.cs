using Contact.Server.Domain.Common;
namespace Contact.Server.Domain.InformationSharing;

/// <summary>
/// The Cafcass Call Centre's opening hours, per MOU 2.3.2: "open 09:00 - 17:00 Mon – Thursday and
/// 09:00 – 16:30 Friday, excluding bank holidays", in UK local time with England and Wales bank holidays.
/// </summary>
/// <remarks>
/// Instants may be given at any offset; every instant returned is in UTC (offset zero).
/// Each day's session is fixed in UK local time and converted through the time zone, so the
/// BST/GMT changes (which happen overnight, never inside a session) are handled correctly.
/// Sessions are half-open: open from 09:00:00 exactly, closed from 17:00:00 (16:30:00 Friday) exactly.
/// </remarks>
public sealed class CallCentreHours
{
    private static readonly TimeOnly Opens = new(9, 0);
    private static readonly TimeOnly Closes = new(17, 0);
    private static readonly TimeOnly ClosesFriday = new(16, 30);

    private readonly TimeZoneInfo _zone;

    /// <summary>The MOU hours in <paramref name="zone"/>, UK time by default.</summary>
    /// <param name="zone">The local time zone of the hours; UK time ("Europe/London") when null.</param>
    public CallCentreHours(TimeZoneInfo? zone = null) => _zone = zone ?? UkClock.Zone;

    /// <summary>Whether the call centre is open at <paramref name="instant"/>.</summary>
    public bool IsOpen(DateTimeOffset instant) => ClosesAt(instant) is not null;

    /// <summary>
    /// <paramref name="instant"/> itself (in UTC) if the call centre is open then; otherwise the
    /// start of the next session after it.
    /// </summary>
    public DateTimeOffset NextOpening(DateTimeOffset instant)
    {
        instant = instant.ToUniversalTime();
        for (var day = LocalDate(instant); ; day = day.AddDays(1))
        {
            if (Session(day) is not { } session)
                continue;
            if (instant < session.Opens)
                return session.Opens;
            if (instant < session.Closes)
                return instant;
        }
    }

    /// <summary>When the session open at <paramref name="instant"/> ends, or null if closed then.</summary>
    public DateTimeOffset? ClosesAt(DateTimeOffset instant)
    {
        instant = instant.ToUniversalTime();
        return Session(LocalDate(instant)) is { } session && session.Opens <= instant && instant < session.Closes
            ? session.Closes
            : null;
    }

    /// <summary>
    /// The instant at which <paramref name="workingTime"/> of opening hours has elapsed counting from
    /// <paramref name="start"/>, e.g. when a request due within N working hours falls due. Counting begins
    /// at the next opening if <paramref name="start"/> is outside hours (so zero gives that opening), and
    /// work that ends exactly at closing time is due at closing time, not at the next opening.
    /// </summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan workingTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingTime, TimeSpan.Zero);
        var cursor = NextOpening(start);
        while (true)
        {
            // NextOpening always lands inside a session, so there is a closing time.
            var left = ClosesAt(cursor)!.Value - cursor;
            if (workingTime <= left)
                return cursor + workingTime;
            workingTime -= left;
            cursor = NextOpening(cursor + left);
        }
    }

    /// <summary>Opening time elapsed between two instants; zero if <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
            return TimeSpan.Zero;
        var total = TimeSpan.Zero;
        for (DateOnly day = LocalDate(from), last = LocalDate(to); day <= last; day = day.AddDays(1))
        {
            if (Session(day) is not { } session)
                continue;
            var overlap = Min(session.Closes, to) - Max(session.Opens, from);
            if (overlap > TimeSpan.Zero)
                total += overlap;
        }
        return total;
    }

    private (DateTimeOffset Opens, DateTimeOffset Closes)? Session(DateOnly day)
    {
        if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || BankHolidays.IsBankHoliday(day))
            return null;
        var closes = day.DayOfWeek == DayOfWeek.Friday ? ClosesFriday : Closes;
        return (ToInstant(day, Opens), ToInstant(day, closes));
    }

    private DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _zone).DateTime);

    private DateTimeOffset ToInstant(DateOnly day, TimeOnly time) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time), _zone));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
