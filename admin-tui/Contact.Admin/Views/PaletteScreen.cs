using Contact.V1;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>
/// The command palette (Ctrl+P): type part of a screen's or a centre's name; Enter opens the first
/// match, Down goes to the list. Screens come from the menu's own list; centres from the register
/// (ListCentres' text search, on the server).
/// </summary>
public sealed class PaletteScreen : Screen
{
    private const int CentreMatches = 8;

    private readonly TextField _query;
    private readonly TableView _table;
    private List<(string Kind, string Name, string Detail, Action Open)> _rows = [];
    private List<Centre> _centres = [];

    public PaletteScreen(MainWindow shell) : base(shell, "Go to")
    {
        var label = new Label { X = 0, Y = 0, Text = "Go to:" };
        _query = new TextField { X = 7, Y = 0, Width = Dim.Fill() };
        _table = new TableView { X = 0, Y = 2, Width = Dim.Fill(), Height = Dim.Fill(), FullRowSelect = true };
        _table.Style.ShowHorizontalHeaderOverline = false;
        _table.Style.ShowHorizontalBottomLine = false;
        _table.Style.ExpandLastColumn = true;
        _query.ValueChanged += (_, _) => { ShowRows(); Soon(SearchCentres); };
        _query.Accepting += (_, e) => { e.Handled = true; Open(0); };
        _query.KeyDown += (_, key) => { if (key == Key.CursorDown && _rows.Count > 0) { _table.SetFocus(); key.Handled = true; } };
        _table.Accepting += (_, e) => { e.Handled = true; Open(_table.Value?.SelectedCell.Y ?? 0); };
        Add(label, _query, _table);
        ShowRows();
    }

    public override string Help => """
        Go to any screen, or any centre on the register, by typing part of its name.
        Enter      open the first match (or, in the list, the selected one)
        Down       from the box to the list; arrows choose
        Esc        clear what you typed, then close
        Centres are matched by name, organisation, town or postcode.
        """;

    public override View? SearchBox => _query;

    /// <summary>What the palette offers now, as shown: kind and name.</summary>
    public IReadOnlyList<string> Matches => [.. _rows.Select(r => $"{r.Kind}: {r.Name}")];

    public override void Shown() => _query.SetFocus();

    private void SearchCentres()
    {
        var text = _query.Text.Trim();
        if (text.Length == 0) { _centres = []; ShowRows(); return; }
        Fetch(c => c.Register.ListCentresAsync(new ListCentresRequest { Text = text, PageSize = CentreMatches }).ResponseAsync, found =>
        {
            _centres = [.. found.Centres];
            ShowRows();
        });
    }

    private void ShowRows()
    {
        var text = _query.Text.Trim();
        var places = Shell.Places.Where(p => text.Length == 0 || p.Name.Contains(text, StringComparison.OrdinalIgnoreCase))
            .Select(p => ("Screen", p.Name, p.Description, p.Open));
        var centres = _centres.Select(c => ("Centre", c.DisplayName, $"{c.Address?.Town}, standard {Words.Status(Words.StatusAt(c, AccreditationLevel.Standard))}",
            (Action)(() => Shell.Show(new CentreDetailScreen(Shell, c.Name)))));
        _rows = [.. places, .. centres];
        _table.Table = new EnumerableTableSource<(string Kind, string Name, string Detail, Action Open)>(_rows, new()
        {
            ["Kind"] = r => r.Kind,
            ["Name"] = r => Words.Cut(r.Name, 34),
            ["About"] = r => r.Detail,
        });
        SetNeedsDraw();
    }

    // The palette gives way to what it opens.
    private void Open(int row)
    {
        if (row < 0 || row >= _rows.Count) { Shell.Warn("Nothing matches: type part of a screen's or a centre's name."); return; }
        var open = _rows[row].Open;
        Shell.Back();
        open();
    }
}
