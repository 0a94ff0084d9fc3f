using Contact.Admin.Views;
using Contact.Tests.Support;
using Contact.V1;
using Terminal.Gui.Input;

namespace Contact.Admin.Tests;

/// <summary>F9 opens the menu bar's first menu, from any screen, even with a text field focused.</summary>
public sealed class MenuKeyTests
{
    [Fact]
    public async Task F9_opens_the_first_menu_and_Esc_closes_it()
    {
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        using var console = new HeadlessConsole(nct);
        console.WaitFor("0 found");
        Assert.Null(console.App.Popovers!.GetActivePopover());

        console.Press(Key.F9);                                       // the search box has the focus
        Assert.NotNull(console.App.Popovers.GetActivePopover());
        var screen = console.Screen;
        Assert.Contains("Import register CSV", screen);               // the File menu, first
        Assert.Contains("Export register CSV", screen);

        console.Press(Key.Esc);
        Assert.Null(console.App.Popovers.GetActivePopover());
        Assert.IsType<CentresScreen>(console.Main.Current);           // Esc closed the menu, not the screen
        Assert.DoesNotContain("Import register CSV", console.Screen);

        console.Press(Key.F9, Key.F9);                               // a second F9 closes it again
        Assert.Null(console.App.Popovers.GetActivePopover());
        console.Press(Key.F9, Key.CursorRight);                      // arrows move along the bar
        Assert.Contains("Centres", console.Screen);
        Assert.Contains("New centre", console.Screen);               // the Register menu
    }
}
