using Contact.Tests.Support;
using Contact.V1;

namespace Contact.Admin.Tests;

public sealed class CsvTests
{
    [Fact]
    public void Export_reads_back_as_the_same_details()
    {
        var centre = Centres.Valid("Quoted, \"Comma\" Centre");
        centre.Name = "centres/abc";
        centre.Address.Lines.Add("Unit 2");
        var text = new StringWriter();
        CentreCsv.Write(text, [centre]);
        var row = Assert.Single(CentreCsv.Read(new StringReader(text.ToString())));
        Assert.Null(row.Error);
        Assert.Equal(centre.DisplayName, row.Centre!.DisplayName);
        Assert.Equal("centres/abc", row.Centre.Name);
        Assert.Equal(centre.ContactTypes, row.Centre.ContactTypes);
        Assert.Equal(centre.Address.Lines, row.Centre.Address.Lines);
        Assert.Equal(centre.Location.Latitude, row.Centre.Location.Latitude);
    }

    [Fact]
    public void A_bad_row_is_reported_with_its_line()
    {
        var rows = CentreCsv.Read(new StringReader("display_name,setting\nGood,community\nBad,floating\n"));
        Assert.Equal(DeliverySetting.Community, rows[0].Centre!.Setting);
        Assert.Equal((3, "setting \"floating\" is not centre-based or community"), (rows[1].Line, rows[1].Error));
    }

    [Fact]
    public void Cells_that_start_like_a_formula_are_defused_in_the_export_and_read_back_as_they_were()
    {
        var centre = Centres.Valid("=HYPERLINK(\"http://evil\",\"Click\")");
        centre.ContactDetails = new ContactDetails { Phone = "+44 115 496 0000" };
        centre.Organisation.Name = "@Trust";
        centre.Region = "-East";
        var text = new StringWriter();
        CentreCsv.Write(text, [centre]);
        var cells = text.ToString().Split("\r\n")[1];
        Assert.Contains("\"'=HYPERLINK(", cells);
        Assert.Contains("'+44 115 496 0000", cells);
        Assert.Contains("'@Trust", cells);
        Assert.Contains("'-East", cells);
        var row = Assert.Single(CentreCsv.Read(new StringReader(text.ToString())));
        Assert.Equal(centre.DisplayName, row.Centre!.DisplayName);
        Assert.Equal(centre.ContactDetails.Phone, row.Centre.ContactDetails.Phone);
        Assert.Equal("@Trust", row.Centre.Organisation.Name);
        Assert.Equal("-East", row.Centre.Region);
    }
}
