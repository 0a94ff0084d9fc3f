using Contact.V1;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>The register as a searchable, filterable table, one page at a time; colour and words carry status.</summary>
public sealed class CentresScreen : Screen
{
    public const int PageSize = 100;

    private static readonly AccreditationStatus[] Statuses =
    [
        AccreditationStatus.Unspecified, AccreditationStatus.Accredited, AccreditationStatus.Suspended, AccreditationStatus.Lapsed,
        AccreditationStatus.Withdrawn, AccreditationStatus.Candidate, AccreditationStatus.NotAccredited,
    ];
    private static readonly ContactType[] Types = [ContactType.Unspecified, ContactType.Supported, ContactType.Supervised, ContactType.Handover, ContactType.Indirect];
    private static readonly DeliverySetting[] Settings = [DeliverySetting.Unspecified, DeliverySetting.CentreBased, DeliverySetting.Community];

    private readonly TextField _search;
    private readonly TextField _region;
    private readonly Label _filters;
    private readonly TableView _table;
    private readonly List<string> _pageTokens = [""];
    private List<Centre> _rows = [];
    private string _nextToken = "";
    private int _total;

    public CentresScreen(MainWindow shell) : base(shell, "Centres")
    {
        var searchLabel = new Label { X = 0, Y = 0, Text = "Search:" };
        _search = new TextField { X = Pos.Right(searchLabel) + 1, Y = 0, Width = Dim.Percent(55) };
        var regionLabel = new Label { X = Pos.Right(_search) + 1, Y = 0, Text = "Region:" };
        _region = new TextField { X = Pos.Right(regionLabel) + 1, Y = 0, Width = Dim.Fill() };
        _filters = new Label { X = 0, Y = 1, Width = Dim.Fill(), Text = "" };
        _table = new TableView { X = 0, Y = 2, Width = Dim.Fill(), Height = Dim.Fill(), FullRowSelect = true };
        _table.Style.ShowHorizontalHeaderOverline = false;
        _table.Style.ShowHorizontalBottomLine = false;
        _table.Style.ExpandLastColumn = true;
        _table.Style.RowColorGetter = args => args.RowIndex >= 0 && args.RowIndex < _rows.Count ? Palette.ForStatus(Filter.RowStatus(_rows[args.RowIndex])) : null!;
        Add(searchLabel, _search, regionLabel, _region, _filters, _table);

        foreach (var field in new[] { _search, _region })
        {
            field.ValueChanged += (_, _) => Soon(ApplyTyped);
            field.Accepting += (_, e) => { e.Handled = true; CancelSoon(); ApplyTyped(); _table.SetFocus(); };
            field.KeyDown += (_, key) => { if (key == Key.CursorDown) { _table.SetFocus(); key.Handled = true; } };
        }
        KnownValues.Complete(_region, KnownValues.Regions);
        _table.Accepting += (_, e) => { e.Handled = true; OpenSelected(); };
        ShowTable();
    }

    public CentreFilter Filter { get; private set; } = new();

    public override View? SearchBox => _search;

    internal TextField RegionField => _region;

    /// <summary>The centres on the current page, as shown.</summary>
    public IReadOnlyList<Centre> Rows => _rows;

    public override string Help => """
        The register: every centre and service with its accreditation status by level.
        Standard accreditation covers supported contact, enhanced covers supervised contact (policy 1.4).
        Row colour follows status (green accredited, yellow suspended, grey lapsed, red withdrawn);
        the Standard and Enhanced columns say the same in words. With a contact-type filter (F3) the
        colour is that of the level the type needs (supervised: Enhanced; the others: Standard).

        Type in Search (name, organisation, town, postcode) or Region; the table follows as you type.
        Region is matched as typed: "york" is Yorkshire and The Humber; leaving the field completes it.
        /          back to Search      Down  from Search to the table      Esc  clear Search
        Enter      open the selected centre
        F2         cycle the status filter     F3  cycle the contact-type filter
        F4         cycle the setting filter    F5  refresh
        F6         new centre                  F7 / F8  previous / next page
        Ctrl+N     near: centres offered near a postcode, with distance and waiting time
        File menu  import or export a register CSV
        The table refreshes by itself when an accreditation changes anywhere.
        """;

    public override IEnumerable<Shortcut> Shortcuts() =>
    [
        new(Key.F2, "Status", () => Cycle(Statuses, Filter.Status, s => Filter with { Status = s })),
        new(Key.F3, "Type", () => Cycle(Types, Filter.Type, t => Filter with { Type = t })),
        new(Key.F4, "Setting", () => Cycle(Settings, Filter.Setting, s => Filter with { Setting = s })),
        new(Key.F5, "Refresh", Reload),
        new(Key.F6, "New", () => Shell.Show(new CentreEditScreen(Shell, null))),
        new(Key.N.WithCtrl, "Near", () => Shell.Show(new NearScreen(Shell))),
    ];

    public override void Reconnected() => Reload();

    protected override void ShowProblem(string words) => _filters.Text = words;

    public override void Shown()
    {
        _search.SetFocus();
        Reload();
    }

    public override void AccreditationChanged(AccreditationChange change) => Soon(ApplyTyped);

    /// <summary>Reloads the current page now.</summary>
    public void Reload() => LoadPage(_pageTokens.Count - 1);

    protected override bool OnKeyDown(Key key)
    {
        if (key == Key.F7 && _pageTokens.Count > 1) { _pageTokens.RemoveAt(_pageTokens.Count - 1); Reload(); return true; }
        if (key == Key.F8 && _nextToken.Length > 0) { _pageTokens.Add(_nextToken); Reload(); return true; }
        return base.OnKeyDown(key);
    }

    private void Cycle<T>(T[] values, T current, Func<T, CentreFilter> with)
    {
        var next = values[(Array.IndexOf(values, current) + 1) % values.Length];
        Filter = with(next) with { Text = _search.Text, Region = Region };
        FirstPage();
    }

    private void FirstPage()
    {
        _pageTokens.Clear();
        _pageTokens.Add("");
        Reload();
    }

    // New search text starts again from the first page: a page token belongs to the filter it came from.
    private void ApplyTyped()
    {
        var typed = Filter with { Text = _search.Text, Region = Region };
        if (typed != Filter) { Filter = typed; FirstPage(); }
        else Reload();
    }

    // The region as meant: "york" is Yorkshire and The Humber (the call wants a region exactly).
    private string Region => KnownValues.Resolve(_region.Text, KnownValues.Regions);

    private void LoadPage(int page)
    {
        var request = Filter.ToRequest(PageSize, _pageTokens[page]);
        Fetch(c => c.Register.ListCentresAsync(request).ResponseAsync, response =>
        {
            var selected = _rows.ElementAtOrDefault(_table.Value?.SelectedCell.Y ?? -1)?.Name;
            _rows = [.. response.Centres];
            _nextToken = response.NextPageToken;
            _total = response.TotalSize;
            ShowTable();
            var again = _rows.FindIndex(c => c.Name == selected);
            if (again >= 0) _table.SetSelection(0, again, false);
        });
    }

    private void ShowTable()
    {
        _table.Table = new EnumerableTableSource<Centre>(_rows, new()
        {
            ["Centre"] = c => Words.Cut(c.DisplayName, 26),
            ["Town"] = c => Words.Cut(c.Address?.Town ?? "", 12),
            ["Standard"] = c => Words.Status(Words.StatusAt(c, AccreditationLevel.Standard)),
            ["Enhanced"] = c => Words.Status(Words.StatusAt(c, AccreditationLevel.Enhanced)),
            ["Wait"] = c => c.WaitingTime is null ? "-" : $"{c.WaitingTime.Weeks}w",
            ["NCT"] = c => c.Commissioning?.CommissionedNow == true ? "yes" : "no",
        });
        var page = _pageTokens.Count;
        var pages = Math.Max(1, (int)Math.Ceiling(_total / (double)PageSize));
        // Only the filters set, so a region's full name fits the line at 80 columns.
        var set = new List<string>();
        if (Filter.Status != AccreditationStatus.Unspecified) set.Add($"Status:{Words.Status(Filter.Status)}");
        if (Filter.Type != ContactType.Unspecified) set.Add($"Type:{Words.Type(Filter.Type)}");
        if (Filter.Setting != DeliverySetting.Unspecified) set.Add($"Setting:{Words.Setting(Filter.Setting)}");
        if (_region.Text.Trim().Length > 0) set.Add($"Region:{KnownValues.Hint(_region.Text, KnownValues.Regions)}");
        _filters.Text = $"{(set.Count == 0 ? "All centres" : string.Join(" ", set))} | {_total} found, page {page}/{pages}" +
                        (pages > 1 ? " (F7/F8)" : "");
        SetNeedsDraw();
    }

    private void OpenSelected()
    {
        var row = _table.Value?.SelectedCell.Y ?? -1;
        if (row >= 0 && row < _rows.Count) Shell.Show(new CentreDetailScreen(Shell, _rows[row].Name));
    }
}
