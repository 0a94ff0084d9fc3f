namespace Contact.Server.Security;

/// <summary>The "Contact:Retention" configuration section.</summary>
public sealed class RetentionOptions
{
    /// <summary>How often the job looks for records past their retention date.</summary>
    public int CheckMinutes { get; set; } = 24 * 60;
    /// <summary>Per record kind, overriding the area's default: Contact:Retention:Periods:referrals:Years=6.</summary>
    public Dictionary<string, RetentionPeriod> Periods { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
