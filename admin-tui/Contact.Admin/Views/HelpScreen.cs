using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>F1: what the screen underneath is for, and its keys.</summary>
public sealed class HelpScreen : Screen
{
    public HelpScreen(MainWindow shell, Screen about) : base(shell, $"Help — {about.Title}")
    {
        var text = about.Help.TrimEnd() + "\n\n" + """
            Everywhere: F1 help, Esc back, Ctrl+Q quit, F9 or Alt+letter opens the menu, Tab moves between fields.
            The mouse works too: click rows, buttons, menus and the status bar.
            """;
        var view = new TextView { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(), ReadOnly = true, WordWrap = true, Text = text };
        Add(view);
    }

    public override string Help => "Esc returns to the screen you came from.";
}
