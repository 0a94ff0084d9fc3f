using Contact.Admin.Views;
using Contact.Tests.Support;
using Contact.V1;
using Terminal.Gui.Input;

namespace Contact.Admin.Tests;

/// <summary>
/// The message line never cuts a message silently: a long one points to the log (F12), which holds
/// every message in full with its time, newest first; a screen change clears the line, not the log.
/// </summary>
public sealed class MessageLogTests
{
    private static string MessageLine(HeadlessConsole console) => console.Screen.Split('\n')[22];

    private static string Words(string screen) => string.Join(" ", screen.Split((char[])['\n', ' ', '│'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task A_long_message_is_cut_with_a_pointer_to_the_log_which_shows_it_in_full()
    {
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        await nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid("Riverside Family Contact Centre") });
        var dir = Directory.CreateTempSubdirectory("contact-message-log-with-a-long-name-");
        var file = Path.Combine(dir.FullName, "register-export-for-the-annual-review.csv");
        try
        {
            using var console = new HeadlessConsole(nct);
            var export = new ExportScreen(console.Main, new CentreFilter());
            console.Main.Show(export);
            export.PathTo(file);
            console.Press(Key.S.WithCtrl);
            console.WaitUntil(_ => File.Exists(file) && MessageLine(console).Contains("Wrote"), "the export");
            var line = MessageLine(console);
            Assert.StartsWith(" Wrote 1 centres to ", " " + line.TrimStart());
            Assert.Contains("… (F12: more)", line);
            Assert.DoesNotContain("annual-review.csv", line);          // the message is longer than the line

            console.Press(Key.F12);
            console.WaitFor("┤Messages├");
            var log = Words(console.Screen);
            Assert.Matches(@"\d\d:\d\d:\d\d Wrote 1 centres to ", log);
            var squeezed = string.Concat(console.Screen.Where(c => !char.IsWhiteSpace(c) && c != '│'));
            Assert.Contains($"Wrote1centresto{file}.", squeezed);   // in full, however it wraps
            Assert.DoesNotContain("(F12: more)", console.Screen);

            console.Press(Key.Esc);
            Assert.IsType<ExportScreen>(console.Main.Current);
            Assert.DoesNotContain("Wrote", MessageLine(console));     // the line is cleared when the screen changes…
            Assert.Contains(console.Main.Messages, m => m.Text.Contains(file));   // …but the log keeps it
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public async Task Messages_clear_from_the_line_when_the_screen_changes_and_the_log_lists_them_newest_first()
    {
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        using var console = new HeadlessConsole(nct);
        console.WaitFor("0 found");
        console.Main.Say("First thing said.");
        Assert.Contains("First thing said.", MessageLine(console));
        Assert.DoesNotContain("F12", MessageLine(console));              // it fits: no pointer

        console.Press(Key.F1);                                            // Show
        console.WaitFor("Help — Centres");
        Assert.DoesNotContain("First thing said.", MessageLine(console));
        console.Main.Warn("Second thing said.");
        console.Press(Key.Esc);                                           // Back
        console.WaitFor("0 found");
        Assert.DoesNotContain("Second thing said.", MessageLine(console));
        console.Main.Say("Third thing said.");
        console.Main.Home(new KeysScreen(console.Main));                  // Home
        console.WaitFor(" (active).");
        Assert.DoesNotContain("Third thing said.", MessageLine(console));

        console.Press(Key.F12);
        console.WaitFor("┤Messages├");
        var log = Words(console.Screen);
        var third = log.IndexOf("Third thing said.", StringComparison.Ordinal);
        var second = log.IndexOf("Problem: Second thing said.", StringComparison.Ordinal);
        var first = log.IndexOf("First thing said.", StringComparison.Ordinal);
        Assert.True(third >= 0 && third < second && second < first, log);
        console.Press(Key.F1);
        console.WaitFor("Help — Messages");
        Assert.Contains("Esc", console.Screen);
    }
}
