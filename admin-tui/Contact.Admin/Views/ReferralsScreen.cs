using Contact.V1;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>
/// Every referral (NCT sees all), oldest submission first: where each stands, how long since it was
/// submitted, and whether it is flagged. No child is named here; the detail names them.
/// </summary>
public sealed class ReferralsScreen : Screen
{
    // The statuses F3 steps through; Unspecified is "all".
    private static readonly ReferralStatus[] Statuses =
    [
        ReferralStatus.Unspecified, ReferralStatus.Submitted, ReferralStatus.Accepted, ReferralStatus.Waitlisted,
        ReferralStatus.InProgress, ReferralStatus.Completed, ReferralStatus.Declined, ReferralStatus.Withdrawn, ReferralStatus.Cancelled,
    ];

    private readonly TableView _table;
    private readonly Label _info;
    private readonly TextField _search;
    private List<Referral> _loaded = [];
    private List<Referral> _referrals = [];
    private int _total;
    private ReferralStatus _status;
    private bool _flaggedOnly;

    public ReferralsScreen(MainWindow shell) : base(shell, "Referrals")
    {
        var searchLabel = new Label { X = 0, Y = 0, Text = "Search:" };
        _info = new Label { X = 0, Y = 1, Width = Dim.Fill(), Text = "Loading…" };
        _table = new TableView { X = 0, Y = 2, Width = Dim.Fill(), Height = Dim.Fill(), FullRowSelect = true };
        _table.Style.ShowHorizontalHeaderOverline = false;
        _table.Style.ShowHorizontalBottomLine = false;
        _table.Style.ExpandLastColumn = true;
        _table.Style.RowColorGetter = args => args.RowIndex >= 0 && args.RowIndex < _referrals.Count && _referrals[args.RowIndex].Flags.Count > 0
            ? Palette.Problem : null!;
        _table.Accepting += (_, e) => { e.Handled = true; OpenSelected(); };
        _search = SearchField(_table, Show);
        _search.X = Pos.Right(searchLabel) + 1;
        Add(searchLabel, _search, _info, _table);
        Render();
    }

    /// <summary>The referrals shown (those matching the search).</summary>
    public IReadOnlyList<Referral> Referrals => _referrals;

    public override View? SearchBox => _search;

    public override string Help => """
        Every referral of a family to a centre, oldest submission first: status, contact type, centre,
        case number, age in days since it was submitted, and "FLAGGED" (red on a colour terminal) when
        the centre lost the accreditation the referral needs while it was open (policy 1.2; MOU 2.1.2).
        The policy sets centres no deadline to respond, so nothing here is "overdue": the age says how
        long a referral has waited; F4 lists those awaiting the centre, oldest first.
        Children are named only on the referral's own screen.
        /  search (status, type, centre, case number, "flagged"): the list follows as you type
        Down  from the search to the list      Esc  clear the search
        Enter  open the selected referral: its facts, flags and history; NCT may cancel it there
        F2  flagged only, or all      F3  next status (all, submitted, accepted, …)
        F4  awaiting the centre (submitted), oldest first      F5  refresh
        The list refreshes by itself when a referral is submitted, moves on or is flagged.
        """;

    public override IEnumerable<Shortcut> Shortcuts() =>
    [
        new(Key.F2, "Flagged", () => { _flaggedOnly = !_flaggedOnly; Load(); }),
        new(Key.F3, "Status", () => { _status = Statuses[(Array.IndexOf(Statuses, _status) + 1) % Statuses.Length]; Load(); }),
        new(Key.F4, "Awaiting", () => { _status = _status == ReferralStatus.Submitted ? ReferralStatus.Unspecified : ReferralStatus.Submitted; Load(); }),
        new(Key.F5, "Refresh", Load),
    ];

    public override void Reconnected() => Load();

    public override void ReferralChanged(Referral referral) => Soon(Load);

    public override void Shown()
    {
        _table.SetFocus();
        Load();
    }

    private void Load() => Fetch(async c =>
    {
        var request = new ListReferralsRequest { PageSize = 200, Status = _status, Flagged = _flaggedOnly };
        return await Paging.ReadAsync<Referral>(async token =>
        {
            request.PageToken = token;
            var page = await c.Referrals.ListReferralsAsync(request);
            return (page.Referrals, page.NextPageToken, page.TotalSize);
        }, Paging.ScreenCap);
    }, loaded =>
    {
        // The server lists oldest submission first: what has waited longest is on top.
        (_loaded, _total) = loaded;
        Show();
    });

    // The call has no text filter: the search narrows the loaded referrals.
    private void Show()
    {
        _referrals = RowSearch.Matching(_loaded, _search.Text, Columns);
        Render(_total);
    }

    private static readonly Dictionary<string, Func<Referral, object>> Columns = new()
    {
        ["Status"] = r => Words.Status(r.Status),
        ["Type"] = r => Words.Type(r.ContactType),
        ["Centre"] = r => Words.Cut(r.CentreDisplayName, 30),
        ["Case"] = r => r.CaseNumber,
        ["Age"] = r => Words.Age(r.CreateTime),
        [""] = r => r.Flags.Count > 0 ? "FLAGGED" : "",
    };

    private void Render(int? total = null)
    {
        _table.Table = new EnumerableTableSource<Referral>(_referrals, Columns);
        if (total is { } n)
        {
            var what = _status switch
            {
                ReferralStatus.Unspecified => "referrals",
                ReferralStatus.Submitted => "awaiting the centre, oldest first",
                var s => Words.Status(s),
            };
            _info.Text = $"{RowSearch.Count(_referrals.Count, n, what, _search.Text)}{(_flaggedOnly ? ", flagged only" : "")}. Enter opens.";
        }
        SetNeedsDraw();
    }

    private void OpenSelected()
    {
        var row = _table.Value?.SelectedCell.Y ?? -1;
        if (row < 0 || row >= _referrals.Count) return;
        Shell.Show(new ReferralDetailScreen(Shell, _referrals[row].Name));
    }
}
