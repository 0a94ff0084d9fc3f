using Contact.V1;
using Google.Protobuf.WellKnownTypes;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>The audit trail by principal, resource and time, and a check that its hash chain is intact.</summary>
public sealed class AuditScreen : Screen
{
    private readonly TextField _principal, _resource, _from, _to, _search;
    private readonly Label _info;
    private readonly TableView _table;
    private readonly List<string> _tokens = [""];
    private List<AuditEntry> _loaded = [];
    // Key holders by name, so a principal is picked by who holds the key, not typed as "apiKeys/…".
    private readonly List<string> _holderNames = [];
    private List<ApiKey> _holders = [];
    private List<AuditEntry> _entries = [];
    private string _next = "";

    public AuditScreen(MainWindow shell) : base(shell, "Audit trail")
    {
        Add(new Label { X = 0, Y = 0, Text = "Principal:" });
        _principal = new TextField { X = 11, Y = 0, Width = 24 };
        Add(new Label { X = 37, Y = 0, Text = "Resource:" });
        _resource = new TextField { X = 47, Y = 0, Width = Dim.Fill() };
        Add(new Label { X = 0, Y = 1, Text = "From:" });
        _from = new TextField { X = 11, Y = 1, Width = 16 };
        Add(new Label { X = 37, Y = 1, Text = "To:" });
        _to = new TextField { X = 47, Y = 1, Width = 16 };
        Add(new Label { X = 64, Y = 1, Text = "yyyy-mm-dd" });
        Add(new Label { X = 0, Y = 2, Text = "Search:" });
        _info = new Label { X = 0, Y = 3, Width = Dim.Fill(), Text = "Enter or F5 queries; F7 verifies the chain." };
        _table = new TableView { X = 0, Y = 4, Width = Dim.Fill(), Height = Dim.Fill(), FullRowSelect = true };
        _table.Style.ShowHorizontalHeaderOverline = false;
        _table.Style.ShowHorizontalBottomLine = false;
        _table.Style.ExpandLastColumn = true;
        _table.Style.RowColorGetter = args => args.RowIndex >= 0 && args.RowIndex < _entries.Count && _entries[args.RowIndex].Outcome != AuditOutcome.Ok
            ? Palette.Problem : null!;
        KnownValues.Complete(_principal, _holderNames);
        _search = SearchField(_table, Show);
        _search.X = 11;
        _search.Y = 2;
        Add(_principal, _resource, _from, _to, _search, _info, _table);
        foreach (var f in new[] { _principal, _resource, _from, _to })
            f.Accepting += (_, e) => { e.Handled = true; FirstPage(); };
        ShowTable();
    }

    public override View? SearchBox => _search;

    /// <summary>The entries shown (those on the page that match the search).</summary>
    public IReadOnlyList<AuditEntry> Entries => _entries;

    public override string Help => """
        Who did what, when: every write, every sensitive read and every refusal, newest first.
        Filter by principal (who holds the key: "harrow" picks Harrow front desk's key; or apiKeys/…),
        by resource (e.g. centres/…), and by date
        (from/to, UK dates); refusals and failures are shown in red and say DENIED or FAILED.
        Enter or F5  query (first page)      F8  next page
        /            search the entries on this page (who, call, result, resources) as you type;
                     Down goes to the list, Esc clears the search
        F7           verify the hash chain: each entry's hash covers the one before, so an
                     edited or removed entry breaks the chain at that point.
        """;

    public override IEnumerable<Shortcut> Shortcuts() =>
    [
        new(Key.F5, "Query", FirstPage),
        new(Key.F7, "Verify chain", Verify),
        new(Key.F8, "Next page", () => { if (_next.Length > 0) { _tokens.Add(_next); Load(); } }),
    ];

    // The list first, as on every list screen: / searches it, Shift+Tab reaches the query fields.
    public override void Shown()
    {
        _table.SetFocus();
        Load();
        Call(c => Paging.ReadAsync<ApiKey>(async token =>
        {
            var page = await c.Access.ListApiKeysAsync(new ListApiKeysRequest { PageSize = 500, PageToken = token, ShowInactive = true });
            return (page.ApiKeys, page.NextPageToken, 0);
        }), loaded =>
        {
            _holders = loaded.Items;
            _holderNames.Clear();
            _holderNames.AddRange(_holders.Select(k => k.DisplayName).Distinct());
        });
    }

    // The key the typed principal means: a key's name as typed, else the one key whose holder it picks.
    private string Principal()
    {
        var typed = _principal.Text.Trim();
        if (typed.Length == 0 || typed.StartsWith("apiKeys/", StringComparison.Ordinal)) return typed;
        var holder = KnownValues.Pick(typed, _holderNames);
        var keys = _holders.Where(k => k.DisplayName == holder).ToList();
        if (keys.Count == 1) return keys[0].Name;
        Shell.Warn(holder is null
            ? $"Principal: {KnownValues.Hint(typed, _holderNames)}."
            : $"Principal: {holder} holds {keys.Count} keys; give one as apiKeys/… (Access → Keys lists them).");
        return typed;
    }

    private void FirstPage()
    {
        _tokens.Clear();
        _tokens.Add("");
        Load();
    }

    private void Load()
    {
        var request = new ListAuditEntriesRequest { PageSize = 100, PageToken = _tokens[^1], Principal = Principal(), Resource = _resource.Text.Trim() };
        if (!Day(_from.Text, out var from) || !Day(_to.Text, out var to)) { Shell.Warn("Dates must look like 2026-06-01."); return; }
        if (from is { } f) request.StartTime = Timestamp.FromDateTimeOffset(f);
        if (to is { } t) request.EndTime = Timestamp.FromDateTimeOffset(t.AddDays(1));
        Call(c => c.Audit.ListAuditEntriesAsync(request).ResponseAsync, response =>
        {
            _loaded = [.. response.Entries];
            _next = response.NextPageToken;
            Show();
        });
    }

    // Principal and resource are exact filters on the server; the search narrows the page loaded.
    private void Show()
    {
        _entries = RowSearch.Matching(_loaded, _search.Text, Columns);
        _info.Text = $"{RowSearch.Count(_entries.Count, _loaded.Count, "entries", _search.Text)} on page {_tokens.Count}{(_next.Length > 0 ? " (F8 for more)" : "")}.";
        ShowTable();
    }

    private static bool Day(string text, out DateTimeOffset? start)
    {
        start = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", out var d)) return false;
        var local = d.ToDateTime(TimeOnly.MinValue);
        start = new DateTimeOffset(local, TimeZoneInfo.Local.GetUtcOffset(local));
        return true;
    }

    private void Verify() => Call(c => c.Audit.VerifyAuditChainAsync(new VerifyAuditChainRequest()).ResponseAsync, result =>
    {
        var text = result.Intact
            ? $"Audit chain intact: {result.EntriesChecked} entries checked."
            : $"AUDIT CHAIN BROKEN at entry {result.FirstBrokenSequence}: {result.Problem} ({result.EntriesChecked} checked).";
        _info.Text = text;
        if (result.Intact) Shell.Say(text); else Shell.Warn(text);
    });

    private void ShowTable()
    {
        _table.Table = new EnumerableTableSource<AuditEntry>(_entries, Columns);
        SetNeedsDraw();
    }

    private static readonly Dictionary<string, Func<AuditEntry, object>> Columns = new()
    {
        ["#"] = e => e.Sequence,
        ["Time"] = e => Words.Time(e.Time),
        ["Who"] = e => Words.Cut(e.PrincipalDisplayName, 16),
        ["Call"] = e => e.Method.Split('/').Last(),
        ["Result"] = e => e.Outcome switch { AuditOutcome.Ok => "ok", AuditOutcome.Denied => "DENIED", AuditOutcome.Failed => "FAILED", _ => "-" },
        ["Resources"] = e => string.Join(" ", e.Resources),
    };
}
