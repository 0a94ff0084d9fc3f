using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>A placeholder for a screen whose server service is still being built: it says so and shows no data.</summary>
public sealed class ComingScreen : Screen
{
    public ComingScreen(MainWindow shell, string title, string service) : base(shell, title)
    {
        Add(new Label
        {
            X = 1, Y = 1, Width = Dim.Fill(1), Height = Dim.Fill(),
            Text = $"{title} arrives with {service}.\n\nThe server does not offer this service yet, so this screen has nothing to show.\nNo data is made up here. Press Esc to go back.",
        });
    }

    public override string Help => "This screen arrives with its server service. Esc goes back.";
}
