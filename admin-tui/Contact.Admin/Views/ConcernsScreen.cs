using Contact.V1;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>NCT's concern triage queue, in the server's order (status, due date, age): open one to act on it.</summary>
public sealed class ConcernsScreen : Screen
{
    private readonly TableView _table;
    private readonly Label _info;
    private readonly TextField _search;
    private readonly Dictionary<string, Func<Concern, object>> _columns;
    private List<Concern> _loaded = [];
    private List<Concern> _concerns = [];
    private int _total;
    private Dictionary<string, string> _centreNames = [];
    private bool _all;
    private bool _overdueOnly;

    public ConcernsScreen(MainWindow shell) : base(shell, "Concerns")
    {
        var searchLabel = new Label { X = 0, Y = 0, Text = "Search:" };
        _info = new Label { X = 0, Y = 1, Width = Dim.Fill(), Text = "Loading…" };
        _table = new TableView { X = 0, Y = 2, Width = Dim.Fill(), Height = Dim.Fill(), FullRowSelect = true };
        _table.Style.ShowHorizontalHeaderOverline = false;
        _table.Style.ShowHorizontalBottomLine = false;
        _table.Style.ExpandLastColumn = true;
        _table.Style.RowColorGetter = args => args.RowIndex >= 0 && args.RowIndex < _concerns.Count && _concerns[args.RowIndex].Overdue
            ? Palette.Problem : null!;
        _table.Accepting += (_, e) => { e.Handled = true; OpenSelected(); };
        _columns = new()
        {
            ["Status"] = c => Words.Status(c.Status),
            ["Type"] = c => Words.Type(c.Type),
            ["Subject"] = c => Words.Cut(Words.Subject(c, _centreNames.GetValueOrDefault(c.Centre)), 24),
            ["Age"] = c => Words.Age(c.RaiseTime),
            ["Due"] = c => Words.Date(c.DueDate),
            [""] = c => c.Overdue ? "OVERDUE" : "",
        };
        _search = SearchField(_table, Show);
        _search.X = Pos.Right(searchLabel) + 1;
        Add(searchLabel, _search, _info, _table);
        Render();
    }

    /// <summary>The concerns shown (those matching the search).</summary>
    public IReadOnlyList<Concern> Concerns => _concerns;

    public override View? SearchBox => _search;

    public override string Help => """
        Concerns raised by practitioners about centres and unaccredited organisations (policy 1.6,
        1.7), in triage order: by status, then due date, then age. An overdue concern is marked
        "OVERDUE" (and shown in red on a colour terminal).
        Enter  open the selected concern: its timeline, and the next step
        /  search (status, type, subject, "overdue"): the list follows as you type
        Down  from the search to the list      Esc  clear the search
        F2  open concerns only, or all (closed too)      F3  overdue only, or not
        F5  refresh
        The queue refreshes by itself when a concern is raised or a step is recorded.
        """;

    public override IEnumerable<Shortcut> Shortcuts() =>
    [
        new(Key.F2, "Open/all", () => { _all = !_all; Load(); }),
        new(Key.F3, "Overdue", () => { _overdueOnly = !_overdueOnly; Load(); }),
        new(Key.F5, "Refresh", Load),
    ];

    public override void Reconnected() => Load();

    public override void ConcernChanged(Concern concern) => Soon(Load);

    public override void Shown()
    {
        _table.SetFocus();
        Load();
    }

    private void Load()
    {
        var known = _centreNames;   // read here, on the UI thread; the work below runs off it
        Fetch(async c =>
        {
            var (all, total) = await Paging.ReadAsync<Concern>(async token =>
            {
                var page = await c.Concerns.ListConcernsAsync(new ListConcernsRequest
                {
                    PageSize = 200, PageToken = token, OpenOnly = !_all, OverdueOnly = _overdueOnly,
                });
                return (page.Concerns, page.NextPageToken, page.TotalSize);
            }, Paging.ScreenCap);

            // Centres by name, so the subject reads as the operator knows it: only those not yet known, together.
            var missing = all.Select(x => x.Centre).Where(x => x.Length > 0 && !known.ContainsKey(x)).Distinct().ToList();
            var fetched = await Task.WhenAll(missing.Select(name => c.Register.GetCentreAsync(new GetCentreRequest { Name = name }).ResponseAsync));
            var names = new Dictionary<string, string>(known);
            foreach (var centre in fetched) names[centre.Name] = centre.DisplayName;
            return (all, names, total);
        }, loaded =>
        {
            (_loaded, _centreNames, _total) = loaded;
            Show();
        });
    }

    // The call has no text filter: the search narrows the loaded concerns.
    private void Show()
    {
        _concerns = RowSearch.Matching(_loaded, _search.Text, _columns);
        Render(_total);
    }

    private void Render(int? total = null)
    {
        _table.Table = new EnumerableTableSource<Concern>(_concerns, _columns);
        if (total is { } n)
            _info.Text = $"{RowSearch.Count(_concerns.Count, n, _all ? "concerns (open and closed)" : "open concerns", _search.Text)}{(_overdueOnly ? ", overdue only" : "")}. Enter opens; F2 F3 filter.";
        SetNeedsDraw();
    }

    private void OpenSelected()
    {
        var row = _table.Value?.SelectedCell.Y ?? -1;
        if (row < 0 || row >= _concerns.Count) return;
        Shell.Show(new ConcernDetailScreen(Shell, _concerns[row].Name));
    }
}
