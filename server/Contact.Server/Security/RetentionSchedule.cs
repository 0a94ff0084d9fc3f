namespace Contact.Server.Security;

/// <summary>The retention schedule: per kind, the configured period or the area's default.</summary>
public sealed class RetentionSchedule
{
    private readonly Dictionary<string, RetentionPeriod> _periods = new(StringComparer.OrdinalIgnoreCase);

    public RetentionSchedule(RetentionOptions options, IEnumerable<IRetentionArea> areas)
    {
        foreach (var area in areas) _periods[area.Kind] = area.DefaultPeriod;
        foreach (var (kind, period) in options.Periods)
        {
            if (!period.IsValid)
                throw new InvalidOperationException($"Contact:Retention:Periods:{kind} must be a positive period (Years, Months, Days).");
            _periods[kind] = period;
        }
    }

    public RetentionPeriod PeriodOf(string kind) =>
        _periods.GetValueOrDefault(kind) ?? throw new InvalidOperationException($"No retention period for \"{kind}\": register its area or configure Contact:Retention:Periods:{kind}.");

    /// <summary>The retention date of a record of <paramref name="kind"/> whose period counts from <paramref name="from"/>.</summary>
    public DateTimeOffset RetainUntil(string kind, DateTimeOffset from) => PeriodOf(kind).After(from);
}
