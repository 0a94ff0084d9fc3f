using Contact.Client;
using Contact.V1;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>
/// Awards a pending application: the amount (at most the sum requested) and a note. The server
/// checks it against the round's remaining budget when it records it; a refusal stays on the form.
/// </summary>
public sealed class GrantAwardScreen : Screen
{
    private readonly string _round;
    private readonly GrantApplication _application;
    private readonly Label _budget;
    private readonly TextField _amount;
    private readonly TextField _note;
    private readonly FieldProblems _problems;

    public GrantAwardScreen(MainWindow shell, GrantRound round, GrantApplication application) : base(shell, $"Award — {application.CentreDisplayName}")
    {
        _round = round.Name;
        _application = application;
        var asked = new Label
        {
            X = 0, Y = 0, Width = Dim.Fill(),
            Text = $"Requested {Words.Money(application.RequestedPence)} for: {(application.Purpose.Length > 0 ? application.Purpose : "-")}",
        };
        _budget = new Label { X = 0, Y = 1, Width = Dim.Fill() };
        ShowBudget(round);
        var problems = new TextView { X = 0, Y = 7, Width = Dim.Fill(), Height = Dim.Fill(), ReadOnly = true, WordWrap = true, CanFocus = false };
        _problems = new FieldProblems(problems);
        var amountLabel = _problems.Track("amount_pence", new Label { X = 0, Y = 3, Text = "Amount (£):" });
        _amount = new TextField { X = 13, Y = 3, Width = 16, Text = Words.Pounds(application.RequestedPence) };
        var noteLabel = _problems.Track("note", new Label { X = 0, Y = 4, Text = "Note:" });
        _note = new TextField { X = 13, Y = 4, Width = Dim.Fill() };
        var save = new Button { ShadowStyle = ShadowStyles.None, X = 0, Y = 5, Text = "Award (Ctrl+S)" };
        var cancel = new Button { ShadowStyle = ShadowStyles.None, X = Pos.Right(save) + 2, Y = 5, Text = "Cancel" };
        save.Accepting += (_, e) => { e.Handled = true; Save(); };
        cancel.Accepting += (_, e) => { e.Handled = true; Shell.Back(); };
        Add(asked, _budget, amountLabel, _amount, noteLabel, _note, save, cancel, problems);
        TrackEdits();
    }

    public override string Help => """
        Awards this application (MOU 2.4.2): the amount in pounds, at most the sum requested (it starts
        at that sum), and a note if wanted. The server refuses an award beyond the round's remaining
        budget, or to a centre no longer accredited for supported contact, and says why; the form stays open.
        Ctrl+S awards; Esc leaves without awarding.
        """;

    public override IEnumerable<Shortcut> Shortcuts() => [new(Key.S.WithCtrl, "Award", Save)];

    public override void Shown()
    {
        _note.SetFocus();
        LoadBudget();
    }

    public override void Reconnected() => LoadBudget();

    /// <summary>Sets the amount in pounds (for scripted use and tests).</summary>
    public void Amount(string pounds) => _amount.Text = pounds;

    private void Save()
    {
        if (!Words.TryParsePounds(_amount.Text, out var pence))
        {
            _problems.Show([new FieldViolation("amount_pence", "must be an amount in pounds more than zero, with at most two decimal places")], "Please correct:");
            return;
        }
        if (pence > _application.RequestedPence)
        {
            _problems.Show([new FieldViolation("amount_pence", $"must not exceed the {Words.Money(_application.RequestedPence)} requested")], "Please correct:");
            return;
        }
        var request = new AwardGrantRequest { Name = _application.Name, AmountPence = pence, Note = _note.Text.Trim() };
        _problems.Clear();
        Shell.Confirm("Award grant",
            $"Award {Words.Money(pence)} to {_application.CentreDisplayName} (requested {Words.Money(_application.RequestedPence)})?\n\n" +
            "It is taken from the round's budget at once." + (request.Note.Length > 0 ? $"\nNote: {request.Note}" : ""),
            $"Award {Words.Money(pence)}", () => Call(c => c.Grants.AwardGrantAsync(request).ResponseAsync, awarded =>
            {
                MarkSaved();
                Shell.Back();
                Shell.Say($"Awarded {Words.Money(awarded.AwardedPence)} to {awarded.CentreDisplayName}.");
            }, ex =>
            {
                _problems.Show(ex, Shell.Server);
                LoadBudget();   // what remains may have changed under us: show it as it is now
            }));
    }

    // The remaining budget as the server has it now (another operator may be awarding too).
    private void LoadBudget() =>
        Call(c => c.Grants.GetGrantRoundAsync(new GetGrantRoundRequest { Name = _round }).ResponseAsync, ShowBudget);

    private void ShowBudget(GrantRound round) =>
        _budget.Text = $"Round {round.FinancialYear}: {Words.Money(round.RemainingPence)} of {Words.Money(round.BudgetPence)} remain.";
}
