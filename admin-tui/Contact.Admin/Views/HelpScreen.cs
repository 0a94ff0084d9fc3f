using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>F1: what the screen underneath is for, and its keys.</summary>
public sealed class HelpScreen : Screen
{
    public HelpScreen(MainWindow shell, Screen about) : base(shell, $"Help — {about.Title}")
    {
        var text = about.Help.TrimEnd() + "\n\n" + """
            Everywhere: F1 or ? help, Esc back (a form with unsaved changes asks first), Ctrl+Q quit,
            Ctrl+P go to any screen or centre by name, / search (list screens), F9 or Alt+letter (F R C U A H) opens a menu.
            F12 shows every message with its time, in full (the message line cuts a long one: "(F12: more)").
            Tab / Shift+Tab move between fields; arrows move within a row of options, Space chooses.
            A plain letter never does anything but type into a text field; writes that matter ask you
            to confirm, in words, with "Keep" focused.
            The mouse works too: click rows, buttons, menus and the status bar.
            """;
        var view = new TextView { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(), ReadOnly = true, WordWrap = true, Text = Reflow(text) };
        Add(view);
    }

    public override string Help => "Esc returns to the screen you came from.";

    /// <summary>
    /// Joins the lines of running prose so they wrap at any width; lines laid out in columns
    /// (two spaces in a row, e.g. key lists) keep their breaks.
    /// </summary>
    public static string Reflow(string text)
    {
        var lines = new List<string>();
        foreach (var line in text.Replace("\r", "").Split('\n'))
        {
            var prose = line.Length > 0 && !line.TrimEnd().Contains("  ", StringComparison.Ordinal);
            if (prose && lines.Count > 0 && lines[^1].Length > 0 && !lines[^1].Contains("  ", StringComparison.Ordinal))
                lines[^1] += " " + line.Trim();
            else lines.Add(line.TrimEnd());
        }
        return string.Join("\n", lines);
    }
}
