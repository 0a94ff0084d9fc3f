namespace Contact.Server.Domain.Reports;

/// <summary>
/// The MOU's dates (MOU 5 and its signature block: signed 16-04-18 by both parties; in effect
/// "until 36 months after the commencement date"). Configurable under "Contact:Mou" for a varied
/// or renewed MOU.
/// </summary>
public sealed class MouOptions
{
    public DateOnly SignedDate { get; set; } = new(2018, 4, 16);
    public int TermMonths { get; set; } = 36;
    /// <summary>Annual review (MOU 3): every this many months from signature, within the term.</summary>
    public int ReviewIntervalMonths { get; set; } = 12;
    /// <summary>Explicit review due dates, replacing the computed ones when set.</summary>
    public List<DateOnly>? ReviewDueDates { get; set; }

    /// <summary>The last day in force: the day before the term's anniversary of signature.</summary>
    public DateOnly EndDate => SignedDate.AddMonths(TermMonths).AddDays(-1);

    public bool InForce(DateOnly today) => SignedDate <= today && today <= EndDate;

    public IReadOnlyList<DateOnly> ReviewDates()
    {
        if (ReviewDueDates is { Count: > 0 } explicitDates) return [.. explicitDates.Order()];
        var dates = new List<DateOnly>();
        for (var k = 1; ReviewIntervalMonths > 0 && SignedDate.AddMonths(k * ReviewIntervalMonths) <= EndDate; k++)
            dates.Add(SignedDate.AddMonths(k * ReviewIntervalMonths));
        return dates;
    }
}
