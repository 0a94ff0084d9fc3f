using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>
/// Asks before something consequential, restating it in words. The safe answer (Keep) has the
/// focus; the other is pressed only with Enter once focused on it (Tab or arrows), never by a
/// letter. Esc or Keep backs out. Use it through <see cref="MainWindow.Confirm"/>.
/// </summary>
public sealed class ConfirmScreen : Screen
{
    private readonly Button _no;
    private bool _answered;

    public ConfirmScreen(MainWindow shell, string title, string question, string yesText, Action<ConfirmScreen> yes) : base(shell, title)
    {
        var text = new TextView { X = 1, Y = 1, Width = Dim.Fill(1), Height = 6, Text = question, ReadOnly = true, WordWrap = true, CanFocus = false };
        _no = new Button { ShadowStyle = ShadowStyles.None, X = 1, Y = 8, Text = "Keep (Esc)", IsDefault = true };
        var confirm = new Button { ShadowStyle = ShadowStyles.None, X = Pos.Right(_no) + 2, Y = 8, Text = yesText };
        confirm.Accepting += (_, e) =>
        {
            e.Handled = true;
            if (_answered) return;   // a second Enter while the first is on its way does nothing
            _answered = true;
            yes(this);
        };
        _no.Accepting += (_, e) => { e.Handled = true; Shell.Back(); };
        Add(text, _no, confirm);
        Question = question;
    }

    /// <summary>What is asked, as shown.</summary>
    public string Question { get; }

    public override string Help => "Restates what is about to happen. Keep (focused) or Esc goes back without doing anything; Tab to the other button and Enter to go ahead.";

    // The safe answer has the focus, so a stray Enter changes nothing.
    public override void Shown() => _no.SetFocus();
}
