using System.Globalization;
using System.Text;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>F12: every message the console has told this session, newest first, with its time, in full.</summary>
public sealed class MessageLogScreen : Screen
{
    private readonly TextView _text;

    public MessageLogScreen(MainWindow shell) : base(shell, "Messages")
    {
        _text = new TextView { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(), ReadOnly = true, WordWrap = true, Text = Describe(shell.Messages) };
        Add(_text);
    }

    public override string Help => """
        Every message the console has shown on the message line this session (the last 500), newest
        first, each with its time and in full: the message line is one line, and cuts a long message
        with "(F12: more)". Problems are marked "Problem:". Arrows, Page Up/Down scroll.
        Esc              back to the screen you came from
        """;

    public override void Shown() => _text.SetFocus();

    /// <summary>The log as shown: newest first, a blank line between messages.</summary>
    public static string Describe(IReadOnlyList<MainWindow.Message> messages)
    {
        if (messages.Count == 0) return "No messages yet.";
        var s = new StringBuilder();
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            var m = messages[i];
            s.Append(m.Time.ToString("HH:mm:ss", CultureInfo.InvariantCulture)).Append("  ")
                .Append(m.Problem ? "Problem: " : "").Append(m.Text.Trim()).Append("\n\n");
        }
        return s.ToString().TrimEnd();
    }
}
