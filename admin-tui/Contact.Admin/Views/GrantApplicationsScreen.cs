using Contact.V1;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>
/// One grant round's applications with the budget always current: award within what remains,
/// decline with a reason, or apply on a centre's behalf. Flagged applications (the centre lost its
/// supported-contact accreditation while pending) are marked in red and in words.
/// </summary>
public sealed class GrantApplicationsScreen : Screen
{
    private readonly string _round;
    private readonly Label _budget;
    private readonly Label _info;
    private readonly TableView _table;
    private readonly Label _detail;
    private readonly TextField _search;
    private List<GrantApplication> _loaded = [];
    private List<GrantApplication> _applications = [];
    private bool _pendingOnly;
    private bool _flaggedOnly;

    public GrantApplicationsScreen(MainWindow shell, string round) : base(shell, $"Grant round {round["grantRounds/".Length..]}")
    {
        _round = round;
        var searchLabel = new Label { X = 0, Y = 0, Text = "Search:" };
        _budget = new Label { X = 0, Y = 1, Width = Dim.Fill(), Text = "Loading…" };
        _info = new Label { X = 0, Y = 2, Width = Dim.Fill(), Text = "" };
        _table = new TableView { X = 0, Y = 3, Width = Dim.Fill(), Height = Dim.Fill(2), FullRowSelect = true };
        _table.Style.ShowHorizontalHeaderOverline = false;
        _table.Style.ShowHorizontalBottomLine = false;
        _table.Style.ExpandLastColumn = true;
        foreach (var money in new[] { 1, 3 }) _table.Style.GetOrCreateColumnStyle(money).Alignment = Alignment.End;
        _table.Style.RowColorGetter = args => args.RowIndex >= 0 && args.RowIndex < _applications.Count && _applications[args.RowIndex].Flagged
            ? Palette.Problem : null!;
        _table.Accepting += (_, e) => { e.Handled = true; Award(); };
        _table.ValueChanged += (_, _) => Describe();
        _detail = new Label { X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Height = 2, Text = "" };
        _search = SearchField(_table, Show);
        _search.X = Pos.Right(searchLabel) + 1;
        Add(searchLabel, _search, _budget, _info, _table, _detail);
        Render();
    }

    /// <summary>The round as last loaded.</summary>
    public GrantRound? Round { get; private set; }

    /// <summary>The applications shown (those matching the search).</summary>
    public IReadOnlyList<GrantApplication> Applications => _applications;

    public override View? SearchBox => _search;

    public override string Help => """
        A grant round's applications (MOU 2.4.2), in the order they were made, under the round's
        budget, awarded and remaining sums. Only a centre accredited for supported contact may apply
        and be awarded. An application whose centre lost that accreditation while pending is marked
        "FLAGGED" (red on a colour terminal): NCT should not award it. "Accr." says whether the centre
        is accredited for supported contact now. The server refuses an award beyond the remaining budget.
        Enter or F4  award the selected pending application      F8  decline it, with a reason
        F6  apply on a centre's behalf
        F2  pending only, or all      F3  flagged only, or all      F5  refresh
        /  search (centre, status, sums, "flagged"): the list follows as you type
        Down  from the search to the list      Esc  clear the search
        """;

    public override IEnumerable<Shortcut> Shortcuts() =>
    [
        new(Key.F4, "Award", Award),
        new(Key.F8, "Decline", Decline),
        new(Key.F6, "Apply", () => { if (Round is not null) Shell.Show(new GrantApplyScreen(Shell, Round)); }),
    ];

    // Refresh and the filters are in the help and on the info line: the status bar has no room for them at 80 columns.
    protected override bool OnKeyDown(Key key)
    {
        if (key == Key.F5) { Load(); return true; }
        if (key == Key.F2) { _pendingOnly = !_pendingOnly; Load(); return true; }
        if (key == Key.F3) { _flaggedOnly = !_flaggedOnly; Load(); return true; }
        return base.OnKeyDown(key);
    }

    public override void Reconnected() => Load();

    // Back from an award, decline or application: the budget and the list are fetched afresh.
    public override void Shown()
    {
        _table.SetFocus();
        Load();
    }

    // An accreditation change may flag a pending application or change "Accr.".
    public override void AccreditationChanged(AccreditationChange change) => Soon(Load);

    private void Load()
    {
        var request = new ListGrantApplicationsRequest
        {
            Parent = _round,
            Status = _pendingOnly ? GrantApplicationStatus.Pending : GrantApplicationStatus.Unspecified,
            FlaggedOnly = _flaggedOnly,
        };
        Fetch(async c =>
        {
            var round = await c.Grants.GetGrantRoundAsync(new GetGrantRoundRequest { Name = _round });
            var list = await c.Grants.ListGrantApplicationsAsync(request);
            return (round, list.Applications.ToList());
        }, loaded =>
        {
            var selected = Selected?.Name;
            (Round, _loaded) = loaded;
            _applications = RowSearch.Matching(_loaded, _search.Text, Columns);
            Render();
            var again = _applications.FindIndex(a => a.Name == selected);
            if (again >= 0) _table.SetSelection(0, again, false);
            Describe();
        });
    }

    // The call has no text filter: the search narrows the loaded applications.
    private void Show()
    {
        _applications = RowSearch.Matching(_loaded, _search.Text, Columns);
        Render();
        Describe();
    }

    private static readonly Dictionary<string, Func<GrantApplication, object>> Columns = new()
    {
        ["Centre"] = a => Words.Cut(a.CentreDisplayName, 22),
        ["Requested"] = a => Words.Money(a.RequestedPence),
        ["Status"] = a => Words.Status(a.Status),
        ["Awarded"] = a => a.Status == GrantApplicationStatus.Awarded ? Words.Money(a.AwardedPence) : "-",
        ["Accr."] = a => a.CentreAccreditedNow ? "yes" : "NO",
        [""] = a => a.Flagged ? "FLAGGED" : "",
    };

    private void Render()
    {
        _table.Table = new EnumerableTableSource<GrantApplication>(_applications, Columns);
        if (Round is { } r)
            _budget.Text = $"Budget {Words.Money(r.BudgetPence)} · awarded {Words.Money(r.AwardedPence)} · remaining {Words.Money(r.RemainingPence)}";
        var filters = (_pendingOnly ? ", pending only" : "") + (_flaggedOnly ? ", flagged only" : "");
        _info.Text = $"{RowSearch.Count(_applications.Count, _loaded.Count, "applications", _search.Text)}{filters}. F2 pending, F3 flagged, F5 refresh.";
        SetNeedsDraw();
    }

    private GrantApplication? Selected =>
        _table.Value?.SelectedCell.Y is int row && row >= 0 && row < _applications.Count ? _applications[row] : null;

    // The selected application's purpose, flag and decision, which the table has no room for.
    private void Describe()
    {
        _detail.Text = Selected is not { } a ? "" : string.Join("\n", new[]
        {
            $"Purpose: {(a.Purpose.Length > 0 ? a.Purpose : "-")}",
            a.Flagged ? $"FLAGGED: {a.FlagReason}" : a.DecisionNote.Length > 0 ? $"{(a.Status == GrantApplicationStatus.Declined ? "Declined" : "Note")}: {a.DecisionNote}" : "",
        });
        _detail.SetScheme(Selected?.Flagged == true ? Palette.Problem : null);
    }

    private GrantApplication? Pending(string what)
    {
        if (Round is null || Selected is not { } a) { Shell.Warn($"Choose an application to {what} first."); return null; }
        if (a.Status == GrantApplicationStatus.Pending) return a;
        Shell.Warn($"That application is already {Words.Status(a.Status)}.");
        return null;
    }

    private void Award()
    {
        if (Pending("award") is { } a) Shell.Show(new GrantAwardScreen(Shell, Round!, a));
    }

    private void Decline()
    {
        if (Pending("decline") is { } a) Shell.Show(new GrantDeclineScreen(Shell, a));
    }
}
