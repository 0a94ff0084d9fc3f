using Contact.Server.Security;
using Contact.Server.Storage;

namespace Contact.Tests.Security;

public class RetentionScheduleTests
{
    private static readonly IRetentionArea Referrals =
        new RetainedCollection<RetainedThing>("referrals", "things", RetentionPeriod.OfYears(6), t => $"things/{t.Id}");

    [Fact]
    public void The_area_default_applies_unless_configured()
    {
        var closed = new DateTimeOffset(2026, 3, 31, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(closed.AddYears(6), new RetentionSchedule(new RetentionOptions(), [Referrals]).RetainUntil("referrals", closed));

        var options = new RetentionOptions { Periods = { ["Referrals"] = new RetentionPeriod { Years = 2, Months = 6 } } };
        Assert.Equal(new DateTimeOffset(2028, 9, 30, 12, 0, 0, TimeSpan.Zero), new RetentionSchedule(options, [Referrals]).RetainUntil("referrals", closed));
    }

    [Fact]
    public void A_kind_without_a_period_or_a_non_positive_period_is_refused()
    {
        var schedule = new RetentionSchedule(new RetentionOptions(), [Referrals]);
        Assert.Contains("Contact:Retention:Periods:cases", Assert.Throws<InvalidOperationException>(() => schedule.PeriodOf("cases")).Message);
        Assert.Throws<InvalidOperationException>(() => new RetentionSchedule(new RetentionOptions { Periods = { ["referrals"] = new RetentionPeriod() } }, [Referrals]));
        Assert.Throws<InvalidOperationException>(() => new RetentionSchedule(new RetentionOptions { Periods = { ["referrals"] = new RetentionPeriod { Years = -1, Days = 5 } } }, [Referrals]));
    }

    public sealed class RetainedThing : IRetainable
    {
        public string Id { get; set; } = "";
        public DateTimeOffset? RetainUntil { get; set; }
    }
}
