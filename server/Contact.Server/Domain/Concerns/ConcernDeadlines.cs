namespace Contact.Server.Domain.Concerns;

/// <summary>Days allowed for each step, from the day the concern entered its current status.</summary>
public sealed class ConcernDeadlines
{
    /// <summary>Raised → NCT starts its review.</summary>
    public int ReviewDays { get; set; } = 2;
    /// <summary>Under review → NCT alerts NACCC (or closes it).</summary>
    public int AlertDays { get; set; } = 5;
    /// <summary>NACCC alerted → NACCC's response recorded.</summary>
    public int ResponseDays { get; set; } = 20;
    /// <summary>NACCC responded → resolved or closed.</summary>
    public int CloseDays { get; set; } = 10;
    /// <summary>Accreditation encouraged → followed up and closed (policy 1.6).</summary>
    public int EncouragedDays { get; set; } = 60;

    /// <summary>Days allowed in <paramref name="status"/>; null when closed.</summary>
    public int? For(ConcernStatus status) => status switch
    {
        ConcernStatus.Raised => ReviewDays,
        ConcernStatus.UnderReview => AlertDays,
        ConcernStatus.NacccAlerted => ResponseDays,
        ConcernStatus.NacccResponded => CloseDays,
        ConcernStatus.AccreditationEncouraged => EncouragedDays,
        _ => null,
    };
}
