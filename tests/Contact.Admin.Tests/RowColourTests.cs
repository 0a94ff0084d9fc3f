using Contact.Admin.Views;
using Contact.Tests.Support;
using Contact.V1;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;

namespace Contact.Admin.Tests;

/// <summary>The register's row colour follows the accreditation the filter is about, read from the headless driver's cells.</summary>
public sealed class RowColourTests
{
    [Fact]
    public async Task A_row_is_coloured_by_the_level_the_contact_type_filter_needs()
    {
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        await nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid("Alder Contact Centre") });
        var both = await nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid("Zenith Family Contact") });
        foreach (var level in new[] { AccreditationLevel.Standard, AccreditationLevel.Enhanced })
            await nct.Register.RecordAccreditationDecisionAsync(new RecordAccreditationDecisionRequest { Centre = both.Name, Level = level, Action = AccreditationAction.Grant, Reason = "Panel" });
        await nct.Register.RecordAccreditationDecisionAsync(new RecordAccreditationDecisionRequest { Centre = both.Name, Level = AccreditationLevel.Enhanced, Action = AccreditationAction.Suspend, Reason = "Review" });

        using var console = new HeadlessConsole(nct);
        console.WaitFor("2 found");
        Assert.Equal(StandardColor.Yellow, Colour(console, "Zenith"));           // no filter: the headline, suspended

        console.Press(Key.F3);                                                   // type: supported (Standard)
        console.WaitFor("Type:supported");
        Assert.Equal(StandardColor.LightGreen, Colour(console, "Zenith"));

        console.Press(Key.F3);                                                   // type: supervised (Enhanced)
        console.WaitFor("Type:supervised");
        Assert.Equal(StandardColor.Yellow, Colour(console, "Zenith"));
    }

    [Theory]
    [InlineData(ContactType.Unspecified, AccreditationStatus.Unspecified, AccreditationStatus.Suspended)]
    [InlineData(ContactType.Supported, AccreditationStatus.Unspecified, AccreditationStatus.Accredited)]
    [InlineData(ContactType.Handover, AccreditationStatus.Unspecified, AccreditationStatus.Accredited)]
    [InlineData(ContactType.Supervised, AccreditationStatus.Unspecified, AccreditationStatus.Suspended)]
    [InlineData(ContactType.Unspecified, AccreditationStatus.Accredited, AccreditationStatus.Accredited)]
    public void The_colour_choice_follows_the_filter(ContactType type, AccreditationStatus status, AccreditationStatus shown)
    {
        var centre = new Centre
        {
            Accreditations =
            {
                new Accreditation { Level = AccreditationLevel.Standard, Status = AccreditationStatus.Accredited },
                new Accreditation { Level = AccreditationLevel.Enhanced, Status = AccreditationStatus.Suspended },
            },
        };
        Assert.Equal(shown, new CentreFilter(Type: type, Status: status).RowStatus(centre));
    }

    // The row's colour: the foreground of an unselected row, the background of the selected one.
    private static StandardColor Colour(HeadlessConsole console, string text)
    {
        console.WaitIdle();
        var lines = console.Screen.Split('\n');
        var y = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(y >= 0, $"\"{text}\" is not on the screen");
        var x = lines[y].IndexOf(text, StringComparison.Ordinal);
        var attribute = console.App.Driver!.Contents![y, x].Attribute!.Value;
        var colour = attribute.Foreground == new Color(StandardColor.Black) ? attribute.Background : attribute.Foreground;
        return Enum.GetValues<StandardColor>().Single(c => new Color(c) == colour);
    }
}
