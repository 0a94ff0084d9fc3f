using Contact.Admin.Views;
using Contact.Client;
using Contact.V1;
using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin;

/// <summary>
/// The console's frame, composed in one place: menu bar, the stack of screens, a message line,
/// and a status bar with the current screen's shortcuts. It owns the live feeds (accreditation
/// changes, concerns, referrals, information-sharing requests) and passes each change to the screen on top; a screen below
/// loads afresh when it comes back to the top.
/// </summary>
public sealed class MainWindow : Window
{
    private readonly Stack<Screen> _screens = new();
    private readonly View _content;
    private readonly Label _message;
    private readonly Label _live;
    private readonly StatusBar _status;
    private readonly MenuBar _menu;
    private int _working;

    public MainWindow(IApplication app, ContactClient client, Uri server)
    {
        Ui = app;
        Client = client;
        Server = server;
        Title = "Contact — NCT console";
        BorderStyle = LineStyle.None;

        // One list of places: the menu shows it by group, the command palette (Ctrl+P) searches it.
        Places =
        [
            new("_File", "_Import register CSV…", "Create or update centres from a CSV file", () => Home(new ImportScreen(this))),
            new("_File", "_Export register CSV…", "Write the register (as filtered) to a CSV file", () => Show(new ExportScreen(this, CurrentFilter()))),
            new("_Register", "_Centres", "Search and filter the register", () => Home(new CentresScreen(this))),
            new("_Register", "Ne_ar…", "Centres offered near a postcode or town, with distance and waiting time", () => Show(new NearScreen(this))),
            new("_Register", "_New centre…", "Add a centre to the register", () => Show(new CentreEditScreen(this, null))),
            new("_Cases", "_Referrals", "Every referral: status, age, flags; cancel one", () => Home(new ReferralsScreen(this))),
            new("_Cases", "_Information sharing", "NACCC's sharing requests: state, due, overdue", () => Home(new SharingRequestsScreen(this))),
            new("_Cases", "C_oncerns", "Triage the concerns practitioners raised", () => Home(new ConcernsScreen(this))),
            new("F_unding", "_Grants", "Annual grant rounds: budgets, applications, awards", () => Home(new GrantRoundsScreen(this))),
            new("F_unding", "_MOU review", "The MOU's dates and the annual review report", () => Home(new ReviewReportScreen(this))),
            new("_Access", "_Keys", "Issue, list and revoke API keys", () => Home(new KeysScreen(this))),
            new("_Access", "_Audit trail", "Query the audit trail and verify its chain", () => Home(new AuditScreen(this))),
        ];
        var groups = Places.GroupBy(p => p.Menu).Select(g =>
        {
            var items = g.Select(p => new MenuItem(p.Title, p.Description, p.Open, null)).ToList();
            if (g.Key == "_File") items.Add(new MenuItem("_Quit", "Leave the console", Quit, Key.Q.WithCtrl));
            return new MenuBarItem(g.Key, [.. items]);
        }).ToList();
        groups.Add(new MenuBarItem("_Help", [
            new MenuItem("_Help for this screen", "", ShowHelp, Key.F1),
            new MenuItem("_Go to… (Ctrl+P)", "Open any screen or centre by name", OpenPalette, null),
            new MenuItem("_Messages (F12)", "Every message shown, with its time, in full", ShowMessages, null),
        ]));
        var menu = _menu = new MenuBar([.. groups]);

        _content = new View { X = 0, Y = 1, Width = Dim.Fill(), Height = Dim.Fill(2), CanFocus = true };
        _message = new Label { X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill(26), Text = "" };
        _message.FrameChanged += (_, _) => ShowMessage();
        _live = new Label { X = Pos.AnchorEnd(26), Y = Pos.AnchorEnd(2), Width = 26, Text = "Live: connecting…" };
        _status = new StatusBar();
        Add(menu, _content, _message, _live, _status);

        KeyDown += (_, key) =>
        {
            if (key == Key.Esc) { Escape(); key.Handled = true; }
            else if (key == Key.F1) { ShowHelp(); key.Handled = true; }
            else if (key == Key.F12) { ShowMessages(); key.Handled = true; }
        };
        // Before any view sees a key: plain letters never reach buttons, options or menus.
        Ui.Keyboard.KeyDown += Guard;

        AccreditationFeed = new LiveFeed<WatchAccreditationChangesResponse>(client,
            (c, after, stop) => c.Register.WatchAccreditationChanges(new WatchAccreditationChangesRequest { AfterSequence = after, LiveOnly = after == 0 }, cancellationToken: stop),
            m => m.Change.Sequence,
            m => Ui.Invoke(() => Current?.AccreditationChanged(m.Change)),
            state => Ui.Invoke(() => _live.Text = state),
            () => Ui.Invoke(Reconnected));
        // Same server, same outages: the accreditation feed speaks for both on the status line.
        ConcernFeed = new LiveFeed<WatchConcernsResponse>(client,
            (c, after, stop) => c.Concerns.WatchConcerns(new WatchConcernsRequest { AfterSequence = after, LiveOnly = after == 0 }, cancellationToken: stop),
            m => m.Sequence,
            m => Ui.Invoke(() => Current?.ConcernChanged(m.Concern)));
        ReferralFeed = new LiveFeed<WatchReferralsResponse>(client,
            (c, after, stop) => c.Referrals.WatchReferrals(new WatchReferralsRequest { AfterSequence = after, LiveOnly = after == 0 }, cancellationToken: stop),
            m => m.Sequence,
            m => Ui.Invoke(() => Current?.ReferralChanged(m.Referral)));
        SharingFeed = new LiveFeed<WatchSharingRequestsResponse>(client,
            (c, after, stop) => c.InformationSharing.WatchSharingRequests(new WatchSharingRequestsRequest { AfterSequence = after, LiveOnly = after == 0 }, cancellationToken: stop),
            m => m.SharingRequest.Sequence,
            m => Ui.Invoke(() => Current?.SharingRequestChanged(m.SharingRequest)));
    }

    public IApplication Ui { get; }
    public ContactClient Client { get; }
    public Uri Server { get; }
    /// <summary>WatchAccreditationChanges; its state is shown on the status line.</summary>
    public LiveFeed<WatchAccreditationChangesResponse> AccreditationFeed { get; }

    /// <summary>WatchConcerns.</summary>
    public LiveFeed<WatchConcernsResponse> ConcernFeed { get; }

    /// <summary>WatchReferrals.</summary>
    public LiveFeed<WatchReferralsResponse> ReferralFeed { get; }

    /// <summary>WatchSharingRequests.</summary>
    public LiveFeed<WatchSharingRequestsResponse> SharingFeed { get; }

    /// <summary>A place the console can go: a menu entry, and a command palette entry.</summary>
    public sealed record Place(string Menu, string Title, string Description, Action Open)
    {
        /// <summary>The title as read, without its menu hotkey mark or ellipsis.</summary>
        public string Name => Title.Replace("_", "").TrimEnd('…');
    }

    /// <summary>Every place the menu offers, in menu order.</summary>
    public IReadOnlyList<Place> Places { get; }

    /// <summary>Ctrl+P: find a screen or a centre by name.</summary>
    public void OpenPalette()
    {
        if (Current is PaletteScreen) return;
        Show(new PaletteScreen(this));
    }

    /// <summary>The stack of open screens, top first.</summary>
    internal IEnumerable<Screen> Screens => _screens;

    /// <summary>The screen on top.</summary>
    public Screen? Current => _screens.TryPeek(out var s) ? s : null;

    /// <summary>Shows the first screen and starts the live feeds.</summary>
    public void Start()
    {
        Home(new CentresScreen(this));
        AccreditationFeed.Start();
        ConcernFeed.Start();
        ReferralFeed.Start();
        SharingFeed.Start();
    }

    /// <summary>Every live feed is connected and listening.</summary>
    public bool Live => AccreditationFeed.Watching && ConcernFeed.Watching && ReferralFeed.Watching && SharingFeed.Watching;

    /// <summary>Stops the live feeds (on the way out).</summary>
    public void StopLive()
    {
        AccreditationFeed.Dispose();
        ConcernFeed.Dispose();
        ReferralFeed.Dispose();
        SharingFeed.Dispose();
    }

    /// <summary>Puts a screen on top; Esc returns to the one below.</summary>
    public void Show(Screen screen)
    {
        if (Current is { } top) _content.Remove(top);
        _screens.Push(screen);
        Present(screen);
    }

    /// <summary>
    /// Closes the top screen, asking first if it holds unsaved changes. The last screen gives way
    /// to the register (the home screen); the register itself stays.
    /// </summary>
    public void Back()
    {
        if (Current is { Dirty: true } form)
        {
            Confirm("Leave without saving", $"Leave \"{form.Title}\" and lose what you typed?", "Leave and lose changes",
                () => Close(form));
            return;
        }
        if (_screens.Count <= 1)
        {
            if (Current is not CentresScreen) Home(new CentresScreen(this));
            return;
        }
        Discard(_screens.Pop());
        Present(_screens.Peek());
    }

    // Closes one form without asking (the operator has just said so): the confirmation is already gone.
    private void Close(Screen form)
    {
        if (Current != form) return;
        if (_screens.Count <= 1) { HomeNow(new CentresScreen(this)); return; }
        Discard(_screens.Pop());
        Present(_screens.Peek());
    }

    /// <summary>Starts again from <paramref name="screen"/> (a menu choice), asking first if a form holds unsaved changes.</summary>
    public void Home(Screen screen)
    {
        if (_screens.FirstOrDefault(s => s.Dirty) is { } form)
        {
            Confirm("Leave without saving", $"Open \"{screen.Title}\" and lose what you typed in \"{form.Title}\"?", "Leave and lose changes",
                () => HomeNow(screen));
            return;
        }
        HomeNow(screen);
    }

    private void HomeNow(Screen screen)
    {
        while (_screens.Count > 0) Discard(_screens.Pop());
        Show(screen);
    }

    /// <summary>Leaves the console (Ctrl+Q), asking first if a form holds unsaved changes.</summary>
    public void Quit()
    {
        if (_screens.FirstOrDefault(s => s.Dirty) is { } form)
        {
            if (Current is ConfirmScreen) return;   // already asking
            Confirm("Quit without saving", $"Quit and lose what you typed in \"{form.Title}\"?", "Quit and lose changes", () => Ui.RequestStop());
            return;
        }
        Ui.RequestStop();
    }

    /// <summary>
    /// Asks before a consequential step: <paramref name="question"/> restates it in words; the safe
    /// answer (Keep) has the focus, so a stray Enter changes nothing. On yes the confirmation closes
    /// and <paramref name="yes"/> runs.
    /// </summary>
    public void Confirm(string title, string question, string yesText, Action yes) =>
        Show(new ConfirmScreen(this, title, question, yesText, confirm =>
        {
            if (Current == confirm) { Discard(_screens.Pop()); Present(_screens.Peek()); }
            yes();
        }));

    // Esc: a search with text in it is cleared first; then the screen is left.
    private void Escape()
    {
        if (Current?.SearchBox is TextField { Text.Length: > 0 } search) { search.Text = ""; search.SetFocus(); return; }
        Back();
    }

    private bool _stray;   // the last key was a printable one that landed on no text field

    /// <summary>
    /// Key safety, before any view sees the key: Ctrl+Q asks before losing work; a plain letter,
    /// digit or sign goes only to a field that takes text (a few are commands: / search, ? help);
    /// Space never presses a button. Everything else (Enter, Tab, arrows, F-keys, Ctrl and Alt
    /// chords) goes on as usual.
    /// </summary>
    private void Guard(object? sender, Key key)
    {
        if (key == Key.Q.WithCtrl) { Quit(); key.Handled = true; return; }
        if (key == Key.P.WithCtrl) { OpenPalette(); key.Handled = true; return; }
        // F9 opens the first menu, as the docs promise (Terminal.Gui's own key, F10, works too but
        // some terminals keep it; setting MenuBar.Key to F9 in 2.5 does not rebind the key).
        if (key == Key.F9) { _menu.InvokeCommand(Command.HotKey); key.Handled = true; return; }
        var rune = key.IsCtrl || key.IsAlt ? 0 : key.AsRune.Value;
        var stray = _stray;
        _stray = false;
        if (rune < ' ' || rune == 127) return;   // not printable: Enter, Tab, arrows, F-keys, chords
        if (Ui.Popovers?.GetActivePopover() is not null) return;   // a menu the operator opened: letters pick its entries
        View focused = this;
        while (focused.Focused is { } deeper) focused = deeper;
        // "/" opens the search; pressed in a search already open and empty it is that gesture again, not text.
        if (rune == '/' && focused == Current?.SearchBox && focused is TextField { Text.Length: 0 }) { key.Handled = true; return; }
        if (focused is TextField { ReadOnly: false } or TextView { ReadOnly: false }) return;
        // Space chooses an option or ticks a box, but not as the gap between stray words.
        if (rune == ' ' && focused is not Button && !stray) return;
        key.Handled = true;
        _stray = true;
        if (rune == '/' && Current?.SearchBox is { } search) search.SetFocus();
        else if (rune == '?') ShowHelp();
    }

    /// <summary>Tells the operator something on the message line, and keeps it in the log (F12).</summary>
    public void Say(string text) => Tell(text, problem: false);

    /// <summary>Tells the operator of a problem on the message line (in the problem colour), and keeps it in the log.</summary>
    public void Warn(string text) => Tell(text, problem: true);

    /// <summary>One message as told: when, what, and whether it was a problem.</summary>
    public sealed record Message(DateTime Time, string Text, bool Problem);

    /// <summary>Every message told this session (the last 500), oldest first.</summary>
    public IReadOnlyList<Message> Messages => _log;

    /// <summary>What the message line shows after a message too long for it.</summary>
    public const string More = "… (F12: more)";

    private readonly List<Message> _log = [];
    private string _said = "";

    private void Tell(string text, bool problem)
    {
        _message.SetScheme(problem ? Palette.Problem : null);
        _said = text;
        if (text.Length > 0)
        {
            _log.Add(new(DateTime.Now, text, problem));
            if (_log.Count > 500) _log.RemoveAt(0);
        }
        ShowMessage();
    }

    // The message line is one line: a message that does not fit is cut where it points to the log.
    private void ShowMessage()
    {
        var width = _message.Viewport.Width > 0 ? _message.Viewport.Width : (Ui.Driver?.Cols ?? 80) - 26;
        _message.Text = Fit(_said, width);
    }

    /// <summary>A message on one line of <paramref name="width"/> columns, cut with <see cref="More"/> when it does not fit.</summary>
    public static string Fit(string text, int width)
    {
        var line = string.Join(" ", text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        if (line.Length <= width) return line;
        return line[..Math.Max(0, width - More.Length)].TrimEnd() + More;
    }

    /// <summary>F12: every message with its time, newest first, in full.</summary>
    public void ShowMessages()
    {
        if (Current is null or MessageLogScreen) return;
        Show(new MessageLogScreen(this));
    }

    /// <summary>Counts calls in flight (tests wait for zero).</summary>
    public void Working(int delta) => _working += delta;

    public bool Idle => _working == 0;

    private void Present(Screen screen)
    {
        // What was said belonged to the screen that was on top; it stays in the log (F12).
        Tell("", problem: false);
        _content.Add(screen);
        screen.SetFocus();
        _status.RemoveAll();
        _status.Add(new Shortcut(Key.F1, "Help", ShowHelp));
        if (_screens.Count > 1) _status.Add(new Shortcut(Key.Esc, "Back", Back));
        foreach (var shortcut in screen.Shortcuts()) _status.Add(shortcut);
        _status.Add(new Shortcut(Key.Q.WithCtrl, "Quit", Quit));
        screen.Shown();
        SetNeedsLayout();
    }

    private void Discard(Screen screen)
    {
        screen.Close();
        _content.Remove(screen);
        screen.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Ui.Keyboard.KeyDown -= Guard;
        base.Dispose(disposing);
    }

    private void ShowHelp()
    {
        if (Current is null or HelpScreen) return;
        Show(new HelpScreen(this, Current));
    }

    // Whatever failed while the server was away is stale now: say so and refresh what is shown
    // (the screens below reload when they come back to the top).
    private void Reconnected()
    {
        Say("Server back: open screens refreshed.");
        Current?.Reconnected();
    }

    private CentreFilter CurrentFilter() => _screens.OfType<CentresScreen>().FirstOrDefault()?.Filter ?? new CentreFilter();
}
