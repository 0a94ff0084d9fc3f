namespace Contact.Server.Domain.Grants;

/// <summary>The grant round of one financial year with its budget (MOU 2.4.2).</summary>
public sealed class GrantRound
{
    /// <summary>The financial year, "2026-27".</summary>
    public string Id { get; set; } = "";
    public long BudgetPence { get; set; }
    public DateTimeOffset Created { get; set; }

    public FinancialYear Year => FinancialYear.Parse(Id) ?? throw new InvalidOperationException($"Stored grant round '{Id}' has no financial year.");
    public string ResourceName => GrantNames.Round(Id);
}
