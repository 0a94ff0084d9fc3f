using Contact.Client;
using Contact.V1;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>
/// NCT applies for a round's grant on a centre's behalf: find the centre in the register by name,
/// then the amount and its purpose. The server checks the centre is accredited for supported contact.
/// </summary>
public sealed class GrantApplyScreen : Screen
{
    private const int Matches = 6;

    private readonly GrantRound _round;
    private readonly TextField _search;
    private readonly TableView _centres;
    private readonly Label _chosen;
    private readonly TextField _amount;
    private readonly TextField _purpose;
    private readonly FieldProblems _problems;
    private List<Centre> _rows = [];

    public GrantApplyScreen(MainWindow shell, GrantRound round) : base(shell, $"Apply for a grant — {round.FinancialYear}")
    {
        _round = round;
        var problems = new TextView { X = 0, Y = 14, Width = Dim.Fill(), Height = Dim.Fill(), ReadOnly = true, WordWrap = true, CanFocus = false };
        _problems = new FieldProblems(problems);
        var searchLabel = _problems.Track("application.centre", new Label { X = 0, Y = 0, Text = "Centre:" });
        _search = new TextField { X = 12, Y = 0, Width = Dim.Fill() };
        _centres = new TableView { X = 12, Y = 1, Width = Dim.Fill(), Height = Matches + 1, FullRowSelect = true };
        _centres.Style.ShowHorizontalHeaderOverline = false;
        _centres.Style.ShowHorizontalBottomLine = false;
        _centres.Style.ExpandLastColumn = true;
        _centres.ValueChanged += (_, _) => ShowChosen();
        _chosen = new Label { X = 12, Y = 8, Width = Dim.Fill(), Text = "" };
        var amountLabel = _problems.Track("application.requested_pence", new Label { X = 0, Y = 9, Text = "Amount (£):" });
        _amount = new TextField { X = 12, Y = 9, Width = 16 };
        var purposeLabel = _problems.Track("application.purpose", new Label { X = 0, Y = 10, Text = "Purpose:" });
        _purpose = new TextField { X = 12, Y = 10, Width = Dim.Fill() };
        var save = new Button { ShadowStyle = ShadowStyles.None, X = 0, Y = 12, Text = "Apply (Ctrl+S)" };
        var cancel = new Button { ShadowStyle = ShadowStyles.None, X = Pos.Right(save) + 2, Y = 12, Text = "Cancel" };
        _centres.Accepting += (_, e) => { e.Handled = true; _amount.SetFocus(); };
        save.Accepting += (_, e) => { e.Handled = true; Save(); };
        cancel.Accepting += (_, e) => { e.Handled = true; Shell.Back(); };
        _search.ValueChanged += (_, _) => Soon(Search);   // typing arrives in bursts: search once it pauses
        _search.Accepting += (_, e) => { e.Handled = true; Search(); _centres.SetFocus(); };
        Add(searchLabel, _search, _centres, _chosen, amountLabel, _amount, purposeLabel, _purpose, save, cancel, problems);
        ShowMatches();
        TrackEdits();
    }

    public override string Help => """
        Applies for this round's grant on a centre's behalf (MOU 2.4.2). Type part of the centre's
        name (or town, or postcode) and choose it from the matches with the arrow keys; Enter moves
        on to the amount. Only a centre accredited for supported contact ("Standard" accredited) may
        apply, once per round; the server refuses otherwise and says why.
        Ctrl+S applies; Esc leaves without applying.
        """;

    public override IEnumerable<Shortcut> Shortcuts() => [new(Key.S.WithCtrl, "Apply", Save)];

    public override void Shown()
    {
        _search.SetFocus();
        Search();
    }

    /// <summary>The centre the application is for: the selected match.</summary>
    public Centre? Chosen => _centres.Value?.SelectedCell.Y is int row && row >= 0 && row < _rows.Count ? _rows[row] : null;

    private void Search()
    {
        var request = new CentreFilter(Text: _search.Text).ToRequest(Matches, "");
        Call(c => c.Register.ListCentresAsync(request).ResponseAsync, response =>
        {
            _rows = [.. response.Centres];
            ShowMatches();
        });
    }

    private void ShowMatches()
    {
        _centres.Table = new EnumerableTableSource<Centre>(_rows, new()
        {
            ["Centre"] = c => Words.Cut(c.DisplayName, 30),
            ["Town"] = c => c.Address?.Town ?? "",
            ["Standard"] = c => Words.Status(Words.StatusAt(c, AccreditationLevel.Standard)),
        });
        ShowChosen();
        SetNeedsDraw();
    }

    private void ShowChosen() =>
        _chosen.Text = Chosen is { } c ? $"Applies for: {c.DisplayName}" : "No centre matches: type part of its name.";

    private void Save()
    {
        var problems = new List<FieldViolation>();
        if (Chosen is null) problems.Add(new("application.centre", "choose the centre from the matches"));
        if (!Words.TryParsePounds(_amount.Text, out var pence))
            problems.Add(new("application.requested_pence", "must be an amount in pounds more than zero, with at most two decimal places"));
        if (problems.Count > 0) { _problems.Show(problems, "Please correct:"); return; }

        var request = new ApplyForGrantRequest
        {
            Parent = _round.Name,
            Application = new GrantApplication { Centre = Chosen!.Name, RequestedPence = pence, Purpose = _purpose.Text.Trim() },
        };
        _problems.Clear();
        Call(c => c.Grants.ApplyForGrantAsync(request).ResponseAsync, applied =>
        {
            MarkSaved();
            Shell.Back();
            Shell.Say($"Applied: {Words.Money(applied.RequestedPence)} for {applied.CentreDisplayName}.");
        }, ex => _problems.Show(ex, Shell.Server));
    }
}
