using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>Asks before something that cannot be undone. Esc or "Keep" backs out.</summary>
public sealed class ConfirmScreen : Screen
{
    private readonly Button _no;

    public ConfirmScreen(MainWindow shell, string title, string question, string yesText, Action<ConfirmScreen> yes) : base(shell, title)
    {
        var text = new Label { X = 1, Y = 1, Width = Dim.Fill(1), Height = 5, Text = question };
        var confirm = new Button { ShadowStyle = ShadowStyles.None, X = 1, Y = 7, Text = yesText };
        _no = new Button { ShadowStyle = ShadowStyles.None, X = Pos.Right(confirm) + 2, Y = 7, Text = "_Keep", IsDefault = true };
        confirm.Accepting += (_, e) => { e.Handled = true; yes(this); };
        _no.Accepting += (_, e) => { e.Handled = true; Shell.Back(); };
        Add(text, confirm, _no);
    }

    public override string Help => "Confirm with the first button; Esc or Keep goes back without doing anything.";

    // The safe answer has the focus, so a stray Enter changes nothing.
    public override void Shown() => _no.SetFocus();
}
