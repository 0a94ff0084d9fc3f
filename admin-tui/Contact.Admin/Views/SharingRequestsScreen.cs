using Contact.V1;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>
/// Every Case Information Sharing Request from NACCC (NCT sees all, with Cafcass's view), newest
/// first: where each stands and whether its step is overdue in call-centre hours (MOU 2.3.2).
/// </summary>
public sealed class SharingRequestsScreen : Screen
{
    // The states F3 steps through; Unspecified is "all".
    private static readonly SharingRequestState[] States =
    [
        SharingRequestState.Unspecified, SharingRequestState.AwaitingCallCentre, SharingRequestState.HeldForReview,
        SharingRequestState.WithFca, SharingRequestState.NotOpen, SharingRequestState.Answered,
    ];

    private readonly TableView _table;
    private readonly Label _info;
    private readonly TextField _search;
    private List<SharingRequest> _loaded = [];
    private List<SharingRequest> _requests = [];
    private int _total;
    private SharingRequestState _state;
    private bool _overdueOnly;

    public SharingRequestsScreen(MainWindow shell) : base(shell, "Information sharing")
    {
        var searchLabel = new Label { X = 0, Y = 0, Text = "Search:" };
        _info = new Label { X = 0, Y = 1, Width = Dim.Fill(), Text = "Loading…" };
        _table = new TableView { X = 0, Y = 2, Width = Dim.Fill(), Height = Dim.Fill(), FullRowSelect = true };
        _table.Style.ShowHorizontalHeaderOverline = false;
        _table.Style.ShowHorizontalBottomLine = false;
        _table.Style.ExpandLastColumn = true;
        _table.Style.RowColorGetter = args => args.RowIndex >= 0 && args.RowIndex < _requests.Count && _requests[args.RowIndex].Overdue
            ? Palette.Problem : null!;
        _table.Accepting += (_, e) => { e.Handled = true; OpenSelected(); };
        _search = SearchField(_table, Show);
        _search.X = Pos.Right(searchLabel) + 1;
        Add(searchLabel, _search, _info, _table);
        Render();
    }

    /// <summary>The requests shown (those matching the search).</summary>
    public IReadOnlyList<SharingRequest> Requests => _requests;

    public override View? SearchBox => _search;

    public override string Help => """
        NACCC's Case Information Sharing Requests (policy 1.8, Annex 1; MOU 2.3), newest first: where
        each stands, NACCC's SRS reference, the family name, when it was received and when its current
        step falls due. The call centre has one working day to look the case up, the FCA two to answer,
        counted in call-centre hours (MOU 2.3.2). A step past due is marked "OVERDUE" (red on a colour
        terminal), at the server's clock.
        States: call centre (awaiting look-up), held for review (doubtful match), with FCA, not open
        (answered: not open to Cafcass), answered (by the FCA).
        Enter  open the selected request (read-only), with Cafcass's notes and the disclosure statement
        /  search (SRS reference, family name, state, "overdue"): the list follows as you type
        Down  from the search to the list      Esc  clear the search
        The list refreshes by itself when NACCC sends a request or one moves on.
        F2  overdue only, or all      F3  next state (all, call centre, held, …)      F5  refresh
        """;

    public override IEnumerable<Shortcut> Shortcuts() =>
    [
        new(Key.F2, "Overdue", () => { _overdueOnly = !_overdueOnly; Load(); }),
        new(Key.F3, "State", () => { _state = States[(Array.IndexOf(States, _state) + 1) % States.Length]; Load(); }),
        new(Key.F5, "Refresh", Load),
    ];

    public override void Reconnected() => Load();

    public override void SharingRequestChanged(SharingRequest request) => Soon(Load);

    public override void Shown()
    {
        _table.SetFocus();
        Load();
    }

    private void Load() => Fetch(async c =>
    {
        var request = new ListSharingRequestsRequest { PageSize = 200, State = _state, OverdueOnly = _overdueOnly };
        return await Paging.ReadAsync<SharingRequest>(async token =>
        {
            request.PageToken = token;
            var page = await c.InformationSharing.ListSharingRequestsAsync(request);
            return (page.SharingRequests, page.NextPageToken, page.TotalSize);
        }, Paging.ScreenCap);
    }, loaded =>
    {
        (_loaded, _total) = loaded;
        Show();
    });

    // The call has no text filter: the search narrows the loaded requests.
    private void Show()
    {
        _requests = RowSearch.Matching(_loaded, _search.Text, Columns);
        Render(_total);
    }

    private static readonly Dictionary<string, Func<SharingRequest, object>> Columns = new()
    {
        ["State"] = r => Words.State(r.State),
        ["SRS ref"] = r => Words.Cut(r.SrsReference, 14),
        ["Family"] = r => Words.Cut(r.FamilyName, 12),
        ["Received"] = r => Words.Day(r.ReceiveTime),
        ["Due"] = r => Words.Time(r.DueTime),
        [""] = r => r.Overdue ? "OVERDUE" : "",
    };

    private void Render(int? total = null)
    {
        _table.Table = new EnumerableTableSource<SharingRequest>(_requests, Columns);
        if (total is { } n)
        {
            var what = _state == SharingRequestState.Unspecified ? "requests" : $"\"{Words.State(_state)}\"";
            _info.Text = $"{RowSearch.Count(_requests.Count, n, what, _search.Text)}{(_overdueOnly ? ", overdue only" : "")}. Enter opens; F2 F3 filter.";
        }
        SetNeedsDraw();
    }

    private void OpenSelected()
    {
        var row = _table.Value?.SelectedCell.Y ?? -1;
        if (row < 0 || row >= _requests.Count) return;
        Shell.Show(new SharingRequestDetailScreen(Shell, _requests[row].Name));
    }
}
