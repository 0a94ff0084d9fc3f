using Contact.V1;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>API keys with their last use: issue (the secret is shown once), revoke (after confirming).</summary>
public sealed class KeysScreen : Screen
{
    private readonly TableView _table;
    private readonly Label _info;
    private readonly TextField _search;
    private readonly Dictionary<string, Func<ApiKey, object>> _columns;
    private List<ApiKey> _loaded = [];
    private List<ApiKey> _keys = [];
    private bool _showInactive;

    public KeysScreen(MainWindow shell) : base(shell, "API keys")
    {
        var searchLabel = new Label { X = 0, Y = 0, Text = "Search:" };
        _info = new Label { X = 0, Y = 1, Width = Dim.Fill(), Text = "" };
        _table = new TableView { X = 0, Y = 2, Width = Dim.Fill(), Height = Dim.Fill(), FullRowSelect = true };
        _table.Style.ShowHorizontalHeaderOverline = false;
        _table.Style.ShowHorizontalBottomLine = false;
        _table.Style.ExpandLastColumn = true;
        _table.Style.RowColorGetter = args => args.RowIndex >= 0 && args.RowIndex < _keys.Count && State(_keys[args.RowIndex]) != "active"
            ? Palette.ForStatus(AccreditationStatus.Lapsed) : null!;
        _columns = new()
        {
            ["Holder"] = k => Words.Cut(k.DisplayName, 24),
            ["Roles"] = k => string.Join(",", k.Roles.Select(Words.Role)),
            ["For"] = k => Words.Cut(k.Centre.Length > 0 ? _centreNames.GetValueOrDefault(k.Centre, k.Centre) : k.FcaId.Length > 0 ? "FCA " + k.FcaId : "-", 22),
            ["State"] = State,
            ["Last used"] = k => k.LastUseTime is null ? "never" : Words.Time(k.LastUseTime),
            ["Key"] = k => k.Name,
        };
        _search = SearchField(_table, Filter);
        _search.X = Pos.Right(searchLabel) + 1;
        Add(searchLabel, _search, _info, _table);
        Show();
    }

    /// <summary>The keys shown (those matching the search).</summary>
    public IReadOnlyList<ApiKey> Keys => _keys;

    public override View? SearchBox => _search;

    public override string Help => """
        Every API key: who holds it, its roles, when it was issued and last used, and whether it is
        active, revoked or expired. Secrets are never shown here: a new key's secret is shown once,
        when it is issued.
        F6  issue a key      F8  revoke the selected key (asks first)
        F2  show or hide revoked and expired keys      F5  refresh
        /  search (holder, role, centre, state, key): the list follows as you type
        Down  from the search to the list      Esc  clear the search
        """;

    public override IEnumerable<Shortcut> Shortcuts() =>
    [
        new(Key.F6, "Issue", () => Shell.Show(new IssueKeyScreen(Shell))),
        new(Key.F8, "Revoke", RevokeSelected),
        new(Key.F2, "Inactive", () => { _showInactive = !_showInactive; Load(); }),
        new(Key.F5, "Refresh", Load),
    ];

    public override void Reconnected() => Load();

    public override void Shown()
    {
        _table.SetFocus();
        Load();
    }

    private void Load() => Fetch(async c =>
    {
        var (all, _) = await Paging.ReadAsync<ApiKey>(async token =>
        {
            var page = await c.Access.ListApiKeysAsync(new ListApiKeysRequest { PageSize = 200, PageToken = token, ShowInactive = _showInactive });
            return (page.ApiKeys, page.NextPageToken, 0);
        });
        // A centre's key shows the centre by name (a few keys each: one read per centre not yet known).
        var names = new Dictionary<string, string>();
        foreach (var centre in all.Select(k => k.Centre).Where(n => n.Length > 0).Distinct())
        {
            try { names[centre] = (await c.Register.GetCentreAsync(new GetCentreRequest { Name = centre })).DisplayName; }
            catch (Grpc.Core.RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.NotFound) { }
        }
        return (all, names);
    }, loaded =>
    {
        (_loaded, _centreNames) = loaded;
        Filter();
    });

    // The call has no text filter: the search narrows the loaded keys.
    private void Filter()
    {
        _keys = RowSearch.Matching(_loaded, _search.Text, _columns);
        Show();
    }

    private Dictionary<string, string> _centreNames = [];

    private void Show()
    {
        _table.Table = new EnumerableTableSource<ApiKey>(_keys, _columns);
        _info.Text = $"{RowSearch.Count(_keys.Count, _loaded.Count, "keys", _search.Text)}{(_showInactive ? " (with revoked and expired)" : " (active)")}. F6 issue, F8 revoke.";
        SetNeedsDraw();
    }

    private static string State(ApiKey k) =>
        k.RevokeTime is not null ? "revoked"
        : k.ExpireTime is not null && k.ExpireTime.ToDateTimeOffset() <= DateTimeOffset.UtcNow ? "expired"
        : "active";

    private void RevokeSelected()
    {
        var row = _table.Value?.SelectedCell.Y ?? -1;
        if (row < 0 || row >= _keys.Count) { Shell.Warn("Choose a key to revoke first."); return; }
        var key = _keys[row];
        if (key.RevokeTime is not null) { Shell.Warn($"{key.DisplayName}'s key is already revoked."); return; }
        Shell.Confirm("Revoke key",
            $"Revoke the key of \"{key.DisplayName}\" ({string.Join(", ", key.Roles.Select(Words.Role))})?\n\n" +
            "Every call made with it is refused from now on. This cannot be undone; a new key can be issued.",
            "Revoke the key", () =>
                Call(c => c.Access.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = key.Name }).ResponseAsync,
                    revoked => { Shell.Say($"Revoked the key of {revoked.DisplayName}."); Load(); }));
    }
}
