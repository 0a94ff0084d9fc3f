using Contact.Client;
using Contact.V1;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>Opens the grant round of a financial year with its budget (one round per year).</summary>
public sealed class GrantRoundEditScreen : Screen
{
    private readonly TextField _year;
    private readonly TextField _budget;
    private readonly FieldProblems _problems;

    public GrantRoundEditScreen(MainWindow shell) : base(shell, "New grant round")
    {
        var problems = new TextView { X = 0, Y = 5, Width = Dim.Fill(), Height = Dim.Fill(), ReadOnly = true, WordWrap = true, CanFocus = false };
        _problems = new FieldProblems(problems);
        var yearLabel = _problems.Track("grant_round.financial_year", new Label { X = 0, Y = 0, Text = "Financial year:" });
        _year = new TextField { X = 17, Y = 0, Width = 9, Text = Words.FinancialYear(DateOnly.FromDateTime(DateTime.Now)) };
        var yearHint = new Label { X = 28, Y = 0, Text = "YYYY-YY: 1 April to 31 March, e.g. 2026-27" };
        var budgetLabel = _problems.Track("grant_round.budget_pence", new Label { X = 0, Y = 1, Text = "Budget (£):" });
        _budget = new TextField { X = 17, Y = 1, Width = 16 };
        var budgetHint = new Label { X = 35, Y = 1, Text = "pounds, e.g. 250,000 or 12500.50" };
        var save = new Button { ShadowStyle = ShadowStyles.None, X = 0, Y = 3, Text = "Open round (Ctrl+S)" };
        var cancel = new Button { ShadowStyle = ShadowStyles.None, X = Pos.Right(save) + 2, Y = 3, Text = "Cancel" };
        save.Accepting += (_, e) => { e.Handled = true; Save(); };
        cancel.Accepting += (_, e) => { e.Handled = true; Shell.Back(); };
        Add(yearLabel, _year, yearHint, budgetLabel, _budget, budgetHint, save, cancel, problems);
        TrackEdits();
    }

    public override string Help => """
        Opens the grant round for one financial year (1 April to 31 March, written "2026-27") with the
        funding available that year (MOU 2.4.2). There is one round per year. The budget is in pounds
        and pence; awards are checked against it, so it is never exceeded.
        Ctrl+S opens the round; Esc leaves without opening it.
        """;

    public override IEnumerable<Shortcut> Shortcuts() => [new(Key.S.WithCtrl, "Open round", Save)];

    public override void Shown() => _budget.SetFocus();

    /// <summary>Fills the form (for scripted use and tests).</summary>
    public void Fill(string year, string budget)
    {
        _year.Text = year;
        _budget.Text = budget;
    }

    private void Save()
    {
        if (!Words.TryParsePounds(_budget.Text, out var pence))
        {
            _problems.Show([new FieldViolation("grant_round.budget_pence", "must be an amount in pounds more than zero, with at most two decimal places, e.g. 250000 or 12,500.50")], "Please correct:");
            return;
        }
        var round = new GrantRound { FinancialYear = _year.Text.Trim(), BudgetPence = pence };
        _problems.Clear();
        Call(c => c.Grants.CreateGrantRoundAsync(new CreateGrantRoundRequest { GrantRound = round }).ResponseAsync, created =>
        {
            MarkSaved();
            Shell.Back();
            Shell.Say($"Opened round {created.FinancialYear}: budget {Words.Money(created.BudgetPence)}.");
        }, ex => _problems.Show(ex, Shell.Server));
    }
}
