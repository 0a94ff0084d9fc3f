using Contact.Admin.Views;
using Contact.Tests.Support;
using Contact.V1;
using Terminal.Gui.Input;

namespace Contact.Admin.Tests;

/// <summary>Values from a known list (regions) are picked by what is typed, never typed exactly.</summary>
public sealed class KnownValueTests
{
    private const string Yorkshire = "Yorkshire and The Humber";   // as the demo register and the ONS spell it

    [Theory]
    [InlineData("york", Yorkshire)]
    [InlineData("YORKSHIRE", Yorkshire)]
    [InlineData("humber", Yorkshire)]
    [InlineData("north e", "North East")]
    [InlineData("lon", "London")]
    [InlineData("east", null)]          // East Midlands, East of England, North East, South East
    [InlineData("atlantis", null)]
    public void A_region_is_picked_by_a_prefix_of_it_or_of_one_of_its_words(string typed, string? picked) =>
        Assert.Equal(picked, KnownValues.Pick(typed, KnownValues.Regions));

    [Fact]
    public async Task The_register_filters_by_the_region_typed_york_and_completes_it()
    {
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        var leeds = Centres.Valid("Leeds Family Contact Centre");
        leeds.Region = Yorkshire;
        await nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = leeds });
        await nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid("Harrow Child Contact Centre") });
        using var console = new HeadlessConsole(nct);
        console.WaitFor("2 found");
        var register = Assert.IsType<CentresScreen>(console.Main.Current);

        console.Press(Key.Tab);                                     // Search, then Region
        Assert.True(register.RegionField.HasFocus);
        console.Type("york");
        console.WaitFor("1 found");
        Assert.Contains("Leeds Family Contact", console.Screen);
        Assert.DoesNotContain("Harrow", console.Screen);
        Assert.Contains($"Region:{Yorkshire}", console.Screen);
        Assert.Equal(Yorkshire, register.Filter.Region);

        console.Press(Key.CursorDown);                              // leaving the field completes it
        Assert.Equal(Yorkshire, register.RegionField.Text);
        console.WaitFor("1 found");
    }

    [Fact]
    public async Task The_centre_form_saves_the_region_picked_by_york()
    {
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        var harrow = await nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid("Harrow Child Contact Centre") });
        using (var console = new HeadlessConsole(nct))
        {
            console.Main.Show(new CentreEditScreen(console.Main, harrow));
            console.WaitFor("Edit —");
            var form = Assert.IsType<CentreEditScreen>(console.Main.Current);
            for (var tabs = 0; tabs < 20 && !form.RegionField.HasFocus; tabs++) console.Press(Key.Tab);
            Assert.True(form.RegionField.HasFocus);
            console.Press(Key.End);
            while (form.RegionField.Text.Length > 0) console.Press(Key.Backspace);
            console.Type("york");
            console.Press(Key.Tab);
            Assert.Equal(Yorkshire, form.RegionField.Text);
            console.Press(Key.S.WithCtrl);
            console.WaitUntil(_ => console.Main.Current is not CentreEditScreen, "the save");
        }
        var saved = await nct.Register.GetCentreAsync(new GetCentreRequest { Name = harrow.Name });
        Assert.Equal(Yorkshire, saved.Region);
    }

    [Fact]
    public async Task The_audit_trail_filters_by_a_key_picked_by_its_holder()
    {
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        var issued = await nct.Access.IssueApiKeyAsync(new IssueApiKeyRequest { DisplayName = "Harrow front desk", Roles = { Role.Auditor }, ValidDays = 30 });
        using (var auditor = host.Client(issued.Secret))
            await auditor.Audit.VerifyAuditChainAsync(new VerifyAuditChainRequest());
        using var console = new HeadlessConsole(nct);
        console.Main.Home(new AuditScreen(console.Main));
        console.WaitFor("entries on page 1");
        Assert.Contains("Test NctOperator", console.Screen);

        console.Press(Key.Tab.WithShift);                           // from the list back to the query fields
        for (var i = 0; i < 8 && !console.Main.Current!.SubViews.OfType<Terminal.Gui.Views.TextField>().First().HasFocus; i++) console.Press(Key.Tab.WithShift);
        console.Type("harrow");
        console.Press(Key.Enter);
        console.WaitFor("1 entry on page 1");
        var screen = console.Screen;
        Assert.Contains("Harrow front desk", screen);
        Assert.Contains("VerifyAuditChain", screen);
        Assert.DoesNotContain("Test NctOperator", screen);
    }
}
