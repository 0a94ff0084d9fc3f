using Contact.Client;
using Contact.V1;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin;

/// <summary>
/// One screen of the console. Screens stack inside <see cref="MainWindow"/>: Esc goes back to the
/// one below, F1 shows <see cref="Help"/>, and <see cref="Shortcuts"/> join the status bar.
/// </summary>
public abstract class Screen : View
{
    private bool _closed;

    protected Screen(MainWindow shell, string title)
    {
        Shell = shell;
        Title = title;
        BorderStyle = LineStyle.Single;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
    }

    public MainWindow Shell { get; }

    /// <summary>What this screen is for and its keys, shown by F1.</summary>
    public abstract string Help { get; }

    /// <summary>The screen's own keys, shown in the status bar while it is on top.</summary>
    public virtual IEnumerable<Shortcut> Shortcuts() => [];

    /// <summary>
    /// Remembers what the form's fields hold now as its saved state; <see cref="Dirty"/> compares
    /// against it. Forms call it once built (and again after a save that keeps them open).
    /// </summary>
    protected void TrackEdits() => _saved = Snapshot();

    /// <summary>The operator has typed or chosen something not yet saved (only forms that <see cref="TrackEdits"/>).</summary>
    public bool Dirty => _saved is not null && !_saved.SequenceEqual(Snapshot());

    /// <summary>Forgets unsaved changes (once they are saved, or the operator chose to drop them).</summary>
    public void MarkSaved() { if (_saved is not null) _saved = Snapshot(); }

    private List<string>? _saved;

    // Every input in the form, in order: text, chosen option, ticked boxes.
    private List<string> Snapshot()
    {
        var values = new List<string>();
        void Walk(View v)
        {
            foreach (var sub in v.SubViews)
            {
                switch (sub)
                {
                    case TextField { ReadOnly: false } f: values.Add(f.Text); continue;
                    case OptionSelector o: values.Add(o.Value?.ToString() ?? "-"); continue;
                    case CheckBox c when c.SuperView is not OptionSelector: values.Add(c.Value.ToString()); continue;
                }
                Walk(sub);
            }
        }
        Walk(this);
        return values;
    }

    /// <summary>The screen's search box, which <c>/</c> focuses (list screens).</summary>
    public virtual View? SearchBox => null;

    /// <summary>
    /// A list screen's search box (<see cref="SearchBox"/>): the list follows what is typed once the
    /// typing pauses; Enter or Down go to <paramref name="list"/>. Esc clears it (MainWindow).
    /// </summary>
    protected TextField SearchField(View list, Action apply)
    {
        var field = new TextField { Width = Dim.Fill() };
        field.ValueChanged += (_, _) => _typed = Later(_typed, apply);
        field.Accepting += (_, e) => { e.Handled = true; _typed = Cancel(_typed); apply(); list.SetFocus(); };
        field.KeyDown += (_, key) => { if (key == Key.CursorDown) { list.SetFocus(); key.Handled = true; } };
        return field;
    }

    /// <summary>Called each time the screen comes to the top (first shown, or returned to).</summary>
    public virtual void Shown() { }

    /// <summary>An accreditation change arrived on the live stream (on the UI thread).</summary>
    public virtual void AccreditationChanged(AccreditationChange change) { }

    /// <summary>A concern changed (raised, or a step recorded), as it now stands (on the UI thread).</summary>
    public virtual void ConcernChanged(Concern concern) { }

    /// <summary>A referral changed (submitted, or moved on), as it now stands (on the UI thread).</summary>
    public virtual void ReferralChanged(Referral referral) { }

    /// <summary>An information-sharing request changed (sent by NACCC, or moved on), as it now stands (on the UI thread).</summary>
    public virtual void SharingRequestChanged(SharingRequest request) { }

    /// <summary>
    /// A load failed: the screen says so where its content would be (never "Loading…" or
    /// "0 found" for a call that did not answer). The message line says it too.
    /// </summary>
    protected virtual void ShowProblem(string words) { }

    /// <summary>The server came back after an outage: reload what the screen shows.</summary>
    public virtual void Reconnected() { }

    /// <summary>
    /// Typing and live changes arrive in bursts (a replay, an import): waits for a quiet moment,
    /// then does <paramref name="action"/> once. A pending action counts as work in flight, so
    /// whoever waits for the console to be idle also waits for it.
    /// </summary>
    protected void Soon(Action action) => _soon = Later(_soon, action);

    /// <summary>Drops the pending <see cref="Soon"/> action, if any (the caller is doing it now).</summary>
    protected void CancelSoon() => _soon = Cancel(_soon);

    // Live changes and search typing wait apart: a keystroke must not drop a pending reload.
    private object? _soon, _typed;

    private object? Later(object? pending, Action action)
    {
        Cancel(pending);
        Shell.Working(+1);
        object? timer = null;
        timer = Shell.Ui.AddTimeout(TimeSpan.FromMilliseconds(250), () =>
        {
            if (_soon == timer) _soon = null;
            if (_typed == timer) _typed = null;
            Shell.Working(-1);
            if (!_closed) action();
            return false;
        });
        return timer;
    }

    private object? Cancel(object? pending)
    {
        if (pending is null) return null;
        Shell.Ui.RemoveTimeout(pending);
        Shell.Working(-1);
        return null;
    }

    /// <summary>Marks the screen gone, so late answers from the server are dropped.</summary>
    public void Close()
    {
        _closed = true;
        CancelSoon();
        _typed = Cancel(_typed);
    }

    /// <summary>
    /// Loads what the screen shows, through <see cref="Call{T}"/>. Filters toggled quickly send
    /// several loads whose answers may come back in any order: only the latest load's is shown.
    /// </summary>
    protected void Fetch<T>(Func<ContactClient, Task<T>> work, Action<T> show)
    {
        var fetch = ++_fetches;
        Call(work, result => { if (fetch == _fetches) show(result); });
    }

    private int _fetches;

    /// <summary>The server refused a write because the record changed after this screen read it.</summary>
    protected static bool IsStale(Exception ex) =>
        ex is Grpc.Core.RpcException { StatusCode: Grpc.Core.StatusCode.Aborted } rpc && rpc.ToContactError().Reason is "STALE_ETAG" or null;

    /// <summary>
    /// Calls the server off the UI thread and hands the answer back on it. A failure is told in
    /// words in the message line unless <paramref name="failed"/> takes it.
    /// </summary>
    protected void Call<T>(Func<ContactClient, Task<T>> work, Action<T> ok, Action<Exception>? failed = null)
    {
        Shell.Working(+1);
        Task.Run(() => work(Shell.Client)).ContinueWith(t => Shell.Ui.Invoke(() =>
        {
            Shell.Working(-1);
            if (_closed) return;
            if (t.IsCompletedSuccessfully) ok(t.Result);
            else
            {
                var ex = t.Exception!.GetBaseException();
                if (failed is not null) failed(ex);
                else
                {
                    var words = Words.Problem(ex, Shell.Server);
                    Shell.Warn(words);
                    ShowProblem(words);
                }
            }
        }), TaskScheduler.Default);
    }
}
