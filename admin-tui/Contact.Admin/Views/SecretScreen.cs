using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>A new key's secret, shown this once: the server keeps only its hash.</summary>
public sealed class SecretScreen : Screen
{
    public SecretScreen(MainWindow shell, string holder, string secret) : base(shell, "New key — copy it now")
    {
        var intro = new Label { X = 1, Y = 1, Width = Dim.Fill(1), Text = $"The key for \"{holder}\". It is shown only now; the server keeps only its hash:" };
        var field = new TextField { X = 1, Y = 3, Width = Dim.Fill(1), Text = secret, ReadOnly = true };
        var advice = new Label
        {
            X = 1, Y = 5, Width = Dim.Fill(1), Height = 3,
            Text = "Select it (Ctrl+A) and copy it into the holder's secret store. Send it by a different\nchannel from its name. If it is lost, revoke it and issue another.",
        };
        var done = new Button { ShadowStyle = ShadowStyles.None, X = 1, Y = 9, Text = "Done", IsDefault = true };
        done.Accepting += (_, e) => { e.Handled = true; Shell.Back(); };
        Add(intro, field, advice, done);
        Secret = secret;
    }

    public string Secret { get; }

    public override string Help => "The secret of the key just issued. Copy it now: it cannot be shown again. Esc or Done returns to the keys.";
}
