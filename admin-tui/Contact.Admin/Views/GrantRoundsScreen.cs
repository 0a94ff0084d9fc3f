using Contact.V1;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>The annual grant rounds (MOU 2.4.2), newest first, with their budgets: open one to decide its applications.</summary>
public sealed class GrantRoundsScreen : Screen
{
    private readonly TableView _table;
    private readonly Label _info;
    private readonly TextField _search;
    private List<GrantRound> _loaded = [];
    private List<GrantRound> _rounds = [];

    public GrantRoundsScreen(MainWindow shell) : base(shell, "Grant rounds")
    {
        var searchLabel = new Label { X = 0, Y = 0, Text = "Search:" };
        _info = new Label { X = 0, Y = 1, Width = Dim.Fill(), Text = "Loading…" };
        _table = new TableView { X = 0, Y = 2, Width = Dim.Fill(), Height = Dim.Fill(), FullRowSelect = true };
        _table.Style.ShowHorizontalHeaderOverline = false;
        _table.Style.ShowHorizontalBottomLine = false;
        _table.Style.ExpandLastColumn = true;
        foreach (var figures in new[] { 1, 2, 3, 4 }) _table.Style.GetOrCreateColumnStyle(figures).Alignment = Alignment.End;
        _table.Accepting += (_, e) => { e.Handled = true; OpenSelected(); };
        _search = SearchField(_table, Show);
        _search.X = Pos.Right(searchLabel) + 1;
        Add(searchLabel, _search, _info, _table);
        Render();
    }

    /// <summary>The rounds shown (those matching the search).</summary>
    public IReadOnlyList<GrantRound> Rounds => _rounds;

    public override View? SearchBox => _search;

    public override string Help => """
        The annual grant to accredited supported contact centres (MOU 2.4.2): one round per financial
        year (1 April to 31 March) with its budget, what has been awarded from it and what remains.
        Enter  open the selected round: its applications, award or decline them
        "Applications" counts every application made, "Awards" those awarded.
        F6  open a new round      F5  refresh
        /  search (year, sums): the list follows as you type
        Down  from the search to the list      Esc  clear the search
        """;

    public override IEnumerable<Shortcut> Shortcuts() =>
    [
        new(Key.F6, "New round", () => Shell.Show(new GrantRoundEditScreen(Shell))),
        new(Key.F5, "Refresh", Load),
    ];

    public override void Reconnected() => Load();

    public override void Shown()
    {
        _table.SetFocus();
        Load();
    }

    private void Load() => Call(c => c.Grants.ListGrantRoundsAsync(new ListGrantRoundsRequest()).ResponseAsync, response =>
    {
        _loaded = [.. response.GrantRounds];
        Show();
    });

    // The call has no text filter: the search narrows the loaded rounds.
    private void Show()
    {
        _rounds = RowSearch.Matching(_loaded, _search.Text, Columns);
        Render();
    }

    private static readonly Dictionary<string, Func<GrantRound, object>> Columns = new()
    {
        ["Year"] = r => r.FinancialYear,
        ["Budget"] = r => Words.Money(r.BudgetPence),
        ["Awarded"] = r => Words.Money(r.AwardedPence),
        ["Remaining"] = r => Words.Money(r.RemainingPence),
        ["Applications"] = r => r.ApplicationCount.ToString(),
        ["Awards"] = r => r.AwardedCount.ToString(),
    };

    private void Render()
    {
        _table.Table = new EnumerableTableSource<GrantRound>(_rounds, Columns);
        _info.Text = _loaded.Count == 0 ? "No grant rounds yet. F6 opens one."
            : $"{RowSearch.Count(_rounds.Count, _loaded.Count, "grant rounds", _search.Text)}. Enter opens a round; F6 opens a new one.";
        SetNeedsDraw();
    }

    private void OpenSelected()
    {
        var row = _table.Value?.SelectedCell.Y ?? -1;
        if (row >= 0 && row < _rounds.Count) Shell.Show(new GrantApplicationsScreen(Shell, _rounds[row].Name));
    }
}
