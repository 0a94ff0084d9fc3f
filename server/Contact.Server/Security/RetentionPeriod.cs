namespace Contact.Server.Security;

/// <summary>How long a kind of record is kept after the event its area counts from (usually closure).</summary>
public sealed class RetentionPeriod
{
    public int Years { get; set; }
    public int Months { get; set; }
    public int Days { get; set; }

    public static RetentionPeriod OfYears(int years) => new() { Years = years };
    public DateTimeOffset After(DateTimeOffset from) => from.AddYears(Years).AddMonths(Months).AddDays(Days);
    public bool IsValid => Years >= 0 && Months >= 0 && Days >= 0 && Years + Months + Days > 0;
    public override string ToString() => $"{Years}y{Months}m{Days}d";
}
