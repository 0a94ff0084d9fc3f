using Contact.Server.Domain.Register;

namespace Contact.Tests.Domain;

/// <summary>Searching by town: the towns named on the register, placed at the middle of their centres.</summary>
public sealed class TownGazetteerTests
{
    private static Centre At(string town, string region, double lat, double lon) =>
        new() { Id = Guid.NewGuid().ToString("N"), Town = town, Region = region, Latitude = lat, Longitude = lon };

    private static readonly TownGazetteer Towns = TownGazetteer.Build(
    [
        At("Leeds", "Yorkshire and The Humber", 53.80, -1.55),
        At("Leeds", "Yorkshire and The Humber", 53.82, -1.53),
        At("leeds", "Yorkshire and The Humber", 53.81, -1.54),
        At("Harrogate", "Yorkshire and The Humber", 53.99, -1.54),
        At("Newport", "Wales", 51.58, -3.00),
        At("Newport", "South East", 50.70, -1.29),
        At("St. Albans", "East of England", 51.75, -0.34),
        At("Nowhere", "Wales", 0, 0),
        At("", "Wales", 52.0, -3.0),
    ]);

    [Fact]
    public void A_town_is_placed_at_the_middle_of_its_centres_and_named_as_most_of_them_spell_it()
    {
        var found = Assert.IsType<TownMatch.Found>(Towns.Find("Leeds"));
        Assert.Equal("Leeds", found.Town.Name);
        Assert.Equal(3, found.Town.Centres);
        Assert.Equal(53.81, found.Town.Point.Latitude, 6);
        Assert.Equal(-1.54, found.Town.Point.Longitude, 6);
    }

    [Theory]
    [InlineData("leeds")]
    [InlineData("  LEEDS ")]
    [InlineData("Leeds.")]
    public void Case_spaces_and_punctuation_do_not_matter(string typed) =>
        Assert.Equal("Leeds", Assert.IsType<TownMatch.Found>(Towns.Find(typed)).Town.Name);

    [Theory]
    [InlineData("St Albans")]
    [InlineData("Saint Albans")]
    [InlineData("st. albans")]
    public void Saint_and_St_are_the_same_word(string typed) =>
        Assert.Equal("St. Albans", Assert.IsType<TownMatch.Found>(Towns.Find(typed)).Town.Name);

    [Fact]
    public void One_name_in_two_regions_asks_which_and_the_region_after_a_comma_chooses()
    {
        var both = Assert.IsType<TownMatch.Ambiguous>(Towns.Find("Newport"));
        Assert.Equal(["Newport, South East", "Newport, Wales"], both.Towns.Select(t => t.Label));
        Assert.Equal("Wales", Assert.IsType<TownMatch.Found>(Towns.Find("Newport, wales")).Town.Region);
        // A region that has no town of that name offers the towns that have it.
        Assert.Equal(2, Assert.IsType<TownMatch.Unknown>(Towns.Find("Newport, Scotland")).Suggestions.Count);
    }

    [Theory]
    [InlineData("Harogate", "Harrogate")]
    [InlineData("Harrowgate", "Harrogate")]
    [InlineData("Lees", "Leeds")]
    [InlineData("Harro", "Harrogate")]
    public void A_slip_of_the_keyboard_is_offered_its_near_spellings(string typed, string offered) =>
        Assert.Contains(offered, Assert.IsType<TownMatch.Unknown>(Towns.Find(typed)).Suggestions.Select(t => t.Name));

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("Nowhere")]
    [InlineData("")]
    [InlineData(",")]
    public void A_town_with_no_placed_centre_is_unknown_and_nothing_far_off_is_suggested(string typed) =>
        Assert.Empty(Assert.IsType<TownMatch.Unknown>(Towns.Find(typed)).Suggestions);

    [Fact]
    public void The_register_index_answers_for_its_current_snapshot()
    {
        var index = new RegisterIndex();
        index.Load([At("Leeds", "Yorkshire and The Humber", 53.8, -1.55)]);
        Assert.IsType<TownMatch.Found>(index.Towns.Find("Leeds"));
        Assert.IsType<TownMatch.Unknown>(index.Towns.Find("Harrogate"));
        index.Upsert(At("Harrogate", "Yorkshire and The Humber", 53.99, -1.54));
        Assert.IsType<TownMatch.Found>(index.Towns.Find("Harrogate"));
    }
}
