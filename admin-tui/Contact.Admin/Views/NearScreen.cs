using System.Globalization;
using Contact.V1;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>
/// "Near": the centres offered for a contact type near a postcode (or a town on the register),
/// nearest first, with distance and waiting time — the server's FindNearestCentres, the same
/// answer the partners' lookup gives (policy 1.4, 1.5).
/// </summary>
public sealed class NearScreen : Screen
{
    private static readonly ContactType[] Types = [ContactType.Supported, ContactType.Supervised, ContactType.Handover, ContactType.Indirect];

    private readonly TextField _from;
    private readonly TextField _within;
    private readonly OptionSelector _type;
    private readonly Label _info;
    private readonly TableView _table;
    private List<NearestCentre> _rows = [];

    public NearScreen(MainWindow shell) : base(shell, "Near")
    {
        var fromLabel = new Label { X = 0, Y = 0, Text = "Near:" };
        _from = new TextField { X = 7, Y = 0, Width = 20 };
        var withinLabel = new Label { X = 0, Y = 2, Text = "Within:" };
        _within = new TextField { X = 8, Y = 2, Width = 6, Text = "50" };
        var km = new Label { X = 15, Y = 2, Text = "km" };
        var typeLabel = new Label { X = 0, Y = 1, Text = "For:" };
        // A search, not a decision: supported contact is the usual starting point.
        _type = new OptionSelector
        {
            X = 7, Y = 1, Orientation = Orientation.Horizontal, Labels = [.. Types.Select(Words.Type)], Value = 0, TabBehavior = TabBehavior.NoStop,
        };
        _info = new Label { X = 0, Y = 3, Width = Dim.Fill(), Text = "A postcode (e.g. LS1 4AP) or a town; F5 or Enter searches." };
        _table = new TableView { X = 0, Y = 4, Width = Dim.Fill(), Height = Dim.Fill(), FullRowSelect = true };
        _table.Style.ShowHorizontalHeaderOverline = false;
        _table.Style.ShowHorizontalBottomLine = false;
        _table.Style.ExpandLastColumn = true;
        foreach (var field in new[] { _from, _within })
            field.Accepting += (_, e) => { e.Handled = true; Search(); };
        _from.KeyDown += (_, key) => { if (key == Key.CursorDown && _rows.Count > 0) { _table.SetFocus(); key.Handled = true; } };
        _table.Accepting += (_, e) =>
        {
            e.Handled = true;
            if ((_table.Value?.SelectedCell.Y ?? -1) is var row && row >= 0 && row < _rows.Count) Shell.Show(new CentreDetailScreen(Shell, NameOf(_rows[row])));
        };
        Add(fromLabel, _from, typeLabel, _type, withinLabel, _within, km, _info, _table);
        ShowTable();
    }

    public override string Help => """
        The centres offered for a contact type near a place, nearest first, with the distance and the
        waiting time each one last confirmed. Only centres accredited at the level the contact type
        needs are offered (standard for supported, enhanced for supervised, policy 1.4); Cafcass gives
        no help with travel, so distance is shown as it is.
        Near       a postcode (LS1 4AP) or a town with a centre on the register
        For        the contact type (Tab to it, arrows and Space to choose)
        F5, Enter  search          Down  from Near to the list          Enter on a row  open the centre
        """;

    public override View? SearchBox => _from;

    /// <summary>The results as shown.</summary>
    public IReadOnlyList<NearestCentre> Results => _rows;

    public override IEnumerable<Shortcut> Shortcuts() => [new(Key.F5, "Search", Search)];

    public override void Shown() => _from.SetFocus();

    public override void Reconnected() { if (_from.Text.Trim().Length > 0) Search(); }

    private void Search()
    {
        var from = _from.Text.Trim();
        if (from.Length == 0) { _info.Text = "Type a postcode or a town first."; return; }
        if (!double.TryParse(_within.Text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var km) || km <= 0)
        {
            _info.Text = "Within: a distance in kilometres, e.g. 25.";
            return;
        }
        var request = new FindNearestCentresRequest { ContactType = Types[_type.Value ?? 0], MaxDistanceKm = km, Limit = 50, View = CentreView.Summary };
        _info.Text = "Searching…";
        Fetch(async c =>
        {
            // A postcode goes to the server as it is; a town is placed where a centre of that town is.
            if (LooksLikePostcode(from)) request.Postcode = from;
            else
            {
                var inTown = await c.Register.ListCentresAsync(new ListCentresRequest { Text = from, PageSize = 20 });
                var here = inTown.Centres.FirstOrDefault(x => string.Equals(x.Address?.Town, from, StringComparison.OrdinalIgnoreCase) && x.Location is not null);
                if (here is null) return (Response: null, Problem: $"No centre on the register is in a town called \"{from}\": try its postcode.");
                request.Location = here.Location;
            }
            return (Response: (FindNearestCentresResponse?)await c.Register.FindNearestCentresAsync(request), Problem: (string?)null);
        }, result =>
        {
            if (result.Problem is not null) { _info.Text = result.Problem; _rows = []; ShowTable(); return; }
            _rows = [.. result.Response!.Results];
            _info.Text = $"{_rows.Count} offered for {Words.Type(request.ContactType)} contact within {km:0.#} km of {from}, nearest first.";
            ShowTable();
        });
    }

    private static bool LooksLikePostcode(string s) => s.Any(char.IsDigit);

    private static string NameOf(NearestCentre n) => n.Summary?.Name ?? n.Centre?.Name ?? "";

    private void ShowTable()
    {
        _table.Table = new EnumerableTableSource<NearestCentre>(_rows, new()
        {
            ["Centre"] = n => Words.Cut(n.Summary?.DisplayName ?? n.Centre?.DisplayName ?? "", 28),
            ["Town"] = n => Words.Cut(n.Summary?.Town ?? n.Centre?.Address?.Town ?? "", 12),
            ["Distance"] = n => $"{n.DistanceKm:0.0} km",
            ["Wait"] = n => n.WaitingTime is null ? "not given" : $"{n.WaitingTime.Weeks} weeks",
            ["NCT"] = n => n.Summary?.Commissioned == true || n.Centre?.Commissioning?.CommissionedNow == true ? "commissioned" : "-",
        });
        SetNeedsDraw();
    }
}
