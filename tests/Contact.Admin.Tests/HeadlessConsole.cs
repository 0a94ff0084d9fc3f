using System.Diagnostics;
using Contact.Client;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace Contact.Admin.Tests;

/// <summary>
/// The real console (MainWindow and its screens) on Terminal.Gui's ANSI driver at 80x24, with
/// keys injected and the screen read back as text. Keep the test synchronous while it is open:
/// Begin installs the UI's synchronisation context on the test thread.
/// </summary>
public sealed class HeadlessConsole : IDisposable
{
    private readonly SessionToken? _session;

    public HeadlessConsole(ContactClient client, int width = 80, int height = 24, bool waitForLive = true)
    {
        App = Application.Create().Init(DriverRegistry.Names.ANSI);
        App.Driver!.SetScreenSize(width, height);
        Main = new MainWindow(App, client, new Uri("http://localhost"));
        Main.Start();
        _session = App.Begin(Main);
        if (waitForLive) WaitUntil(_ => Main.Live, "the live feeds");   // a change made by the test from here on reaches the screens
    }

    public IApplication App { get; }
    public MainWindow Main { get; }

    /// <summary>The screen as text, freshly drawn.</summary>
    public string Screen
    {
        get
        {
            App.LayoutAndDraw(true);
            return App.Driver!.ToString()!;
        }
    }

    public void Press(params Key[] keys)
    {
        foreach (var key in keys)
        {
            App.InjectKey(key);
            Pump();
        }
    }

    public void Type(string text)
    {
        foreach (var ch in text) App.InjectKey(ch == ' ' ? Key.Space : new Key(ch));
        Pump();
    }

    /// <summary>Runs what the UI thread has queued (server answers, timers) and redraws.</summary>
    public void Pump()
    {
        App.TimedEvents!.RunTimers();
        App.LayoutAndDraw(true);
    }

    /// <summary>Pumps until no call is in flight and <paramref name="condition"/> holds; fails with the screen otherwise.</summary>
    public void WaitUntil(Func<string, bool> condition, string what, int timeoutMs = 15_000)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Pump();
            var screen = Screen;
            if (Main.Idle && condition(screen)) return;
            if (clock.ElapsedMilliseconds > timeoutMs) throw new TimeoutException($"Waited {timeoutMs} ms for {what}. The screen:\n{screen}");
            Thread.Sleep(20);
        }
    }

    public void WaitFor(string text, int timeoutMs = 15_000) => WaitUntil(s => s.Contains(text, StringComparison.Ordinal), $"\"{text}\"", timeoutMs);

    /// <summary>Waits until the status line says the live feed is connected ("watching", or the last change).</summary>
    public void WaitForLiveFeed() => WaitUntil(s => s.Contains("Live: watching", StringComparison.Ordinal) || s.Contains("Live: @", StringComparison.Ordinal), "the live feed");

    /// <summary>
    /// Answers the confirmation on top with yes, as an operator must: from the focused safe
    /// answer, Tab to the other button and Enter. Checks it restates <paramref name="question"/>.
    /// </summary>
    public void Confirm(string question)
    {
        WaitUntil(_ => Main.Current is Views.ConfirmScreen, $"the confirmation \"{question}\"");
        Assert.Contains(question, ((Views.ConfirmScreen)Main.Current!).Question);
        Press(Key.Tab, Key.Enter);
    }

    public void WaitIdle() => WaitUntil(_ => true, "the calls in flight");

    /// <summary>Runs async work to completion off the UI's synchronisation context (tests must not await while the console is open).</summary>
    public static void Block(Func<Task> work) => Task.Run(work).GetAwaiter().GetResult();

    public static T Block<T>(Func<Task<T>> work) => Task.Run(work).GetAwaiter().GetResult();

    public void Dispose()
    {
        Main.StopLive();
        if (_session is not null) App.End(_session);
        Main.Dispose();
        App.Dispose();
    }
}
