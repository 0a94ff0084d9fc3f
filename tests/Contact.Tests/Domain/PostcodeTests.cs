using System;
using System.IO;
using System.Linq;
using Contact.Server.Domain.Geo;
using Contact.Server.Domain.Postcodes;
using Xunit;

namespace Contact.Tests.Domain;

public class PostcodeTests
{
    [Theory]
    [InlineData("SW1A 1AA", "SW1A 1AA")]
    [InlineData("SW1A1AA", "SW1A 1AA")]
    [InlineData(" sw1a 1aa ", "SW1A 1AA")]
    [InlineData("sw1a   1aa", "SW1A 1AA")]
    [InlineData("\tNG1 5HJ\r\n", "NG1 5HJ")]
    [InlineData("ng15hj", "NG1 5HJ")]
    [InlineData("M1 1AE", "M1 1AE")] // A9
    [InlineData("M1  1AE", "M1 1AE")] // ONSPD pcd / Code-Point padding
    [InlineData("B33 8TH", "B33 8TH")] // A99
    [InlineData("CR2 6XH", "CR2 6XH")] // AA9
    [InlineData("DN55 1PT", "DN55 1PT")] // AA99
    [InlineData("W1A 0AX", "W1A 0AX")] // A9A
    [InlineData("EC1A 1BB", "EC1A 1BB")] // AA9A
    [InlineData("ec1a1bb", "EC1A 1BB")]
    [InlineData("GIR 0AA", "GIR 0AA")] // Girobank special case
    [InlineData("gir0aa", "GIR 0AA")]
    [InlineData("AB10 1AA", "AB10 1AA")]
    public void TryParse_accepts_valid_postcodes_and_normalises_them(string input, string expected)
    {
        Assert.True(Postcode.TryParse(input, out var postcode));
        Assert.Equal(expected, postcode.Value);
        Assert.Equal(expected, postcode.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Q1 1AA")] // Q never starts a postcode
    [InlineData("V1 1AA")]
    [InlineData("X1 1AA")]
    [InlineData("AJ1 1AA")] // J never second
    [InlineData("AZ1 1AA")] // Z never second
    [InlineData("W1I 1AA")] // I not a valid A9A third letter
    [InlineData("EC1C 1BB")] // C not a valid AA9A fourth letter
    [InlineData("SW1A 1CA")] // inward letters exclude C, I, K, M, O, V
    [InlineData("SW1A 1AI")]
    [InlineData("SW1A 1KA")]
    [InlineData("SW1A 1AM")]
    [InlineData("SW1A 1OA")]
    [InlineData("SW1A 1AV")]
    [InlineData("SW1A1AAA")] // too long
    [InlineData("SW1AA 1AA")]
    [InlineData("SW12A 1AA")] // AA99A is not a shape
    [InlineData("1W1A 1AA")]
    [InlineData("SW1A 11A")]
    [InlineData("SW1A AAA")]
    [InlineData("SW1A")] // district only
    [InlineData("1AA")]
    [InlineData("SW1A1 AA")] // space in the wrong place
    [InlineData("S W1A 1AA")]
    [InlineData("SW1A-1AA")]
    [InlineData("SW1A 1ÅA")]
    [InlineData("gır 0aa")] // dotless i must not upper-case to I
    [InlineData("GIR 0AB")]
    [InlineData("this is not a postcode at all")]
    public void TryParse_rejects_invalid_postcodes(string? input)
    {
        Assert.False(Postcode.TryParse(input, out var postcode));
        Assert.Equal(default, postcode);
    }

    [Fact]
    public void Parts_are_derived_from_the_normalised_form()
    {
        var postcode = Postcode.Parse("sw1a1aa");

        Assert.Equal("SW1A", postcode.Outward);
        Assert.Equal("1AA", postcode.Inward);
        Assert.Equal("SW", postcode.Area);
        Assert.Equal("SW1A 1", postcode.Sector);

        var manchester = Postcode.Parse("M1 1AE");
        Assert.Equal("M1", manchester.Outward);
        Assert.Equal("M", manchester.Area);
        Assert.Equal("M1 1", manchester.Sector);
    }

    [Fact]
    public void Postcodes_compare_by_normalised_value()
    {
        Assert.Equal(Postcode.Parse("ng1 5hj"), Postcode.Parse("NG15HJ"));
        Assert.NotEqual(Postcode.Parse("NG1 5HJ"), Postcode.Parse("NG1 5HP"));
    }

    [Fact]
    public void Default_postcode_is_empty_rather_than_throwing()
    {
        var empty = default(Postcode);

        Assert.Equal("", empty.Value);
        Assert.Equal("", empty.ToString());
        Assert.Equal("", empty.Outward);
        Assert.Equal("", empty.Inward);
        Assert.Equal("", empty.Area);
        Assert.Equal("", empty.Sector);
    }

    [Fact]
    public void Parse_throws_FormatException_for_invalid_text()
    {
        Assert.Throws<FormatException>(() => Postcode.Parse("Q1 1AA"));
    }

    [Theory]
    [InlineData("NG1", "NG1")]
    [InlineData("sw1a", "SW1A")]
    [InlineData(" m1 ", "M1")]
    [InlineData("DN55", "DN55")]
    [InlineData("W1A", "W1A")]
    [InlineData("B33", "B33")]
    public void TryParseDistrict_accepts_outward_codes(string input, string expected)
    {
        Assert.True(Postcode.TryParseDistrict(input, out var district));
        Assert.Equal(expected, district);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("N")]
    [InlineData("Q1")]
    [InlineData("SW1A1")]
    [InlineData("SW1A 1AA")]
    [InlineData("S W1")]
    [InlineData("1NG")]
    [InlineData("EC1C")]
    public void TryParseDistrict_rejects_everything_else(string? input)
    {
        Assert.False(Postcode.TryParseDistrict(input, out var district));
        Assert.Equal("", district);
    }
}

public class GeoPointTests
{
    [Fact]
    public void Distance_from_London_to_Nottingham_is_about_172_km()
    {
        // St Pancras station to Nottingham station; city centre to city centre is ~175 km.
        var london = new GeoPoint(51.5308, -0.1260);
        var nottingham = new GeoPoint(52.9471, -1.1463);

        Assert.InRange(london.DistanceKmTo(nottingham), 170.0, 174.0);
        Assert.Equal(london.DistanceKmTo(nottingham), nottingham.DistanceKmTo(london), 9);
        Assert.Equal(london.DistanceKmTo(nottingham) / GeoPoint.KmPerMile, london.DistanceMilesTo(nottingham), 9);
    }

    [Fact]
    public void Distance_to_self_is_zero_and_antipodes_are_half_the_circumference()
    {
        var point = new GeoPoint(52.0, -1.0);
        Assert.Equal(0.0, point.DistanceKmTo(point), 9);

        var half = new GeoPoint(0, 0).DistanceKmTo(new GeoPoint(0, 180));
        Assert.Equal(Math.PI * GeoPoint.EarthMeanRadiusKm, half, 6);
    }

    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(90, 180, true)]
    [InlineData(-90, -180, true)]
    [InlineData(90.0001, 0, false)]
    [InlineData(0, -180.0001, false)]
    [InlineData(double.NaN, 0, false)]
    [InlineData(0, double.PositiveInfinity, false)]
    public void IsValid_checks_ranges_and_finiteness(double lat, double lon, bool expected)
    {
        Assert.Equal(expected, GeoPoint.IsValid(lat, lon));
    }
}

public class BritishNationalGridTests
{
    private static double Dms(int degrees, int minutes, double seconds) => degrees + minutes / 60.0 + seconds / 3600.0;

    [Fact]
    public void Inverse_projection_matches_the_OS_guide_worked_example()
    {
        // "A guide to coordinate systems in Great Britain", Annex C worked example (OSGB36, no Helmert).
        var (lat, lon) = BritishNationalGrid.ToOsgb36(651409.903, 313177.270);

        // 1e-7 degrees is about a centimetre; the guide quotes 0.0001" (about 3 mm).
        Assert.Equal(Dms(52, 39, 27.2531), lat, 7);
        Assert.Equal(Dms(1, 43, 4.5177), lon, 7);
    }

    [Fact]
    public void Nelsons_Column_lands_in_Trafalgar_Square()
    {
        var point = BritishNationalGrid.ToWgs84(530047, 180422);

        Assert.InRange(point.Latitude, 51.5078 - 0.001, 51.5078 + 0.001);
        Assert.InRange(point.Longitude, -0.1280 - 0.001, -0.1280 + 0.001);
    }

    [Theory]
    // Grid references and WGS84 positions as published together in the ONS Postcode Directory,
    // whose positions agree with this conversion to centimetres; 0.00002 degrees is 1-2 m.
    [InlineData(385386, 801193, 57.101474, -2.242851)] // AB1 0AA, Aberdeen
    [InlineData(366033, 564878, 54.977344, -2.532215)] // CA8 7JG, Cumbria
    [InlineData(549571, 169349, 51.403454, 0.148926)] // BR8 7QP, Kent: east of Greenwich
    public void Grid_references_convert_to_the_published_WGS84_positions(
        double easting, double northing, double latitude, double longitude)
    {
        var point = BritishNationalGrid.ToWgs84(easting, northing);

        Assert.InRange(point.Latitude, latitude - 0.00002, latitude + 0.00002);
        Assert.InRange(point.Longitude, longitude - 0.00002, longitude + 0.00002);
    }

    [Fact]
    public void Helmert_shift_moves_positions_by_the_expected_hundred_metres_or_so()
    {
        // Guards against reversed Helmert signs, which would double the OSGB36-WGS84 offset
        // (roughly 0.0015 degrees of longitude in London) instead of cancelling it.
        var (osgbLat, osgbLon) = BritishNationalGrid.ToOsgb36(530047, 180422);
        var wgs = BritishNationalGrid.ToWgs84(530047, 180422);

        var shiftKm = new GeoPoint(osgbLat, osgbLon).DistanceKmTo(wgs);
        Assert.InRange(shiftKm, 0.05, 0.2);
        Assert.True(wgs.Longitude < osgbLon, "WGS84 longitudes in Britain are west of OSGB36 ones.");
    }

    [Fact]
    public void Non_finite_input_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BritishNationalGrid.ToWgs84(double.NaN, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => BritishNationalGrid.ToWgs84(0, double.PositiveInfinity));
    }
}

public class PostcodeCsvTests
{
    private const string OnsHeader =
        "pcd,pcd2,pcds,dointr,doterm,usertype,oseast1m,osnrth1m,osgrdind,oa21,lat,long,imd";

    private static PostcodeCsvRow[] Read(string csv) => PostcodeCsv.Read(new StringReader(csv)).ToArray();

    [Fact]
    public void Reads_ONS_Postcode_Directory_layout()
    {
        var csv = "\uFEFF" + OnsHeader + "\r\n"
            + "\"BR8 7QP\",\"BR8  7QP\",\"BR8 7QP\",\"198001\",\"\",\"0\",\"549571\",\"0169349\",\"1\",\"E00003520\",51.403454,0.148926,3404\r\n"
            + "\r\n"
            + "\"CA8 7JG\",\"CA8  7JG\",\"CA8 7JG\",\"200006\",\"\",\"0\",\"366033\",\"0564878\",\"1\",\"E00139875\",54.977344,-2.532215,17158\r\n";

        var rows = Read(csv);

        Assert.Equal(2, rows.Length);
        Assert.All(rows, row => Assert.True(row.Succeeded));
        Assert.Equal(2, rows[0].LineNumber);
        Assert.Equal(Postcode.Parse("BR8 7QP"), rows[0].Postcode);
        Assert.Equal(new GeoPoint(51.403454, 0.148926), rows[0].Location);
        Assert.Equal(4, rows[1].LineNumber); // the blank line still counts
        Assert.Equal("CA8 7JG", rows[1].Postcode!.Value.Value);
    }

    [Fact]
    public void ONS_rows_without_a_grid_reference_or_terminated_are_reported_not_imported()
    {
        var csv = OnsHeader + "\n"
            + "\"AB1 0AA\",\"AB1  0AA\",\"AB1 0AA\",\"198001\",\"199606\",\"0\",\"385386\",\"0801193\",\"1\",\"S00137176\",57.101474,-2.242851,6715\n"
            + "\"ZE3 9JZ\",\"ZE3  9JZ\",\"ZE3 9JZ\",\"200001\",\"\",\"0\",\"\",\"\",\"9\",\"\",99.999999,0.000000,0\n"
            + "\"NG1 5HJ\",\"NG1  5HJ\",\"NG1 5HJ\",\"198001\",\"\",\"0\",\"457326\",\"0339975\",\"1\",\"E00173364\",52.953000,-1.149000,100\n";

        var rows = Read(csv);

        Assert.Equal(3, rows.Length);

        Assert.False(rows[0].Succeeded);
        Assert.True(rows[0].IsTerminated);
        Assert.Contains("terminated", rows[0].Error);
        Assert.Null(rows[0].Postcode);
        Assert.Null(rows[0].Location);

        Assert.False(rows[1].Succeeded);
        Assert.False(rows[1].IsTerminated);
        Assert.Equal(3, rows[1].LineNumber);
        Assert.Contains("no grid reference", rows[1].Error);

        Assert.True(rows[2].Succeeded);
        Assert.Equal("NG1 5HJ", rows[2].Postcode!.Value.Value);
    }

    [Fact]
    public void ONS_layout_is_found_by_column_name_not_position()
    {
        var csv = "lat,long,pcds\n52.953,-1.149,NG1 5HJ\n";

        var row = Assert.Single(Read(csv));

        Assert.True(row.Succeeded);
        Assert.Equal(new GeoPoint(52.953, -1.149), row.Location);
    }

    [Fact]
    public void Reads_Code_Point_Open_layout_with_quoted_fields()
    {
        var csv = "\"AB101AA\",10,394251,806376,\"S92000003\",\"\",\"S08000020\",\"\",\"S12000033\",\"S13002842\"\r\n"
            + "\"M1  1AE\",10,384486,398224,\"E92000001\",\"E19000001\",\"E18000002\",\"\",\"E08000003\",\"E05011376\"\r\n"
            + "TR1 2AB,10,182550,44750,\"E92000001\"\r\n";

        var rows = Read(csv);

        Assert.Equal(3, rows.Length);
        Assert.All(rows, row => Assert.True(row.Succeeded, row.Error));
        Assert.Equal(1, rows[0].LineNumber);
        Assert.Equal("AB10 1AA", rows[0].Postcode!.Value.Value);
        Assert.Equal(BritishNationalGrid.ToWgs84(394251, 806376), rows[0].Location);
        Assert.Equal("M1 1AE", rows[1].Postcode!.Value.Value);

        // Manchester city centre, roughly.
        var manchester = rows[1].Location!.Value;
        Assert.InRange(manchester.Latitude, 53.45, 53.50);
        Assert.InRange(manchester.Longitude, -2.26, -2.22);
    }

    [Fact]
    public void Code_Point_Open_with_its_column_names_pasted_in_is_also_read()
    {
        var csv = "Postcode,Positional_quality_indicator,Eastings,Northings,Country_code\n"
            + "\"NG1 5HJ\",10,457326,339975,\"E92000001\"\n";

        var row = Assert.Single(Read(csv));

        Assert.True(row.Succeeded);
        Assert.Equal(2, row.LineNumber);
        Assert.Equal(BritishNationalGrid.ToWgs84(457326, 339975), row.Location);
    }

    [Fact]
    public void Code_Point_Open_rows_without_coordinates_are_reported()
    {
        var csv = "\"NG1 5HJ\",10,457326,339975,\"E92000001\"\n"
            + "\"NG1 9ZZ\",90,0,0,\"E92000001\"\n"
            + "\"NG1 9ZY\",10,9999999,339975,\"E92000001\"\n";

        var rows = Read(csv);

        Assert.True(rows[0].Succeeded);
        Assert.Contains("no grid reference", rows[1].Error);
        Assert.Contains("outside the National Grid", rows[2].Error);
    }

    [Fact]
    public void A_malformed_row_is_reported_with_its_line_number_and_the_rest_still_import()
    {
        var csv = "\"NG1 5HJ\",10,457326,339975,\"E92000001\"\n"
            + "\"NOT A POSTCODE\",10,457326,339975,\"E92000001\"\n"
            + "\"NG1 5HP\",10,457300\n"
            + "\"NG1 5HL\",10,east,339975\n"
            + "\n"
            + "\"NG1 5HN\",10,457400,339900,\"E92000001\"\n";

        var rows = Read(csv);

        Assert.Equal(5, rows.Length);
        Assert.Equal(new[] { 1, 6 }, rows.Where(r => r.Succeeded).Select(r => r.LineNumber));

        var badPostcode = rows.Single(r => r.LineNumber == 2);
        Assert.Contains("Invalid postcode", badPostcode.Error);
        Assert.Contains("NOT A POSTCODE", badPostcode.Error);
        Assert.Contains("at least 4 fields", rows.Single(r => r.LineNumber == 3).Error);
        Assert.Contains("non-numeric", rows.Single(r => r.LineNumber == 4).Error);

        Assert.All(rows, row => Assert.True((row.Error is null) == (row.Postcode is not null && row.Location is not null)));
    }

    [Fact]
    public void A_malformed_ONS_row_does_not_stop_the_import()
    {
        var csv = "pcds,lat,long\nNG1 5HJ,52.953,-1.149\nNG1 5HP,north,-1.149\nNG1 5HL,91,-1.149\nNG1 5HN,52.954,-1.150\n";

        var rows = Read(csv);

        Assert.Equal(new[] { 2, 5 }, rows.Where(r => r.Succeeded).Select(r => r.LineNumber));
        Assert.Contains("non-numeric", rows[1].Error);
        Assert.Contains("out-of-range", rows[2].Error);
    }

    [Fact]
    public void An_unrecognised_layout_is_a_single_error()
    {
        var rows = Read("name,address,town\nA Centre,1 High Street,Nottingham\n");

        var row = Assert.Single(rows);
        Assert.Equal(1, row.LineNumber);
        Assert.Contains("Unrecognised", row.Error);
    }

    [Fact]
    public void Empty_input_yields_nothing()
    {
        Assert.Empty(Read(""));
        Assert.Empty(Read("\r\n\r\n"));
    }

    [Fact]
    public void Read_streams_lazily()
    {
        // A reader that fails after the first two lines proves rows are yielded as they are read.
        using var reader = new FailingReader("\"NG1 5HJ\",10,457326,339975\n\"NG1 5HN\",10,457400,339900\n");

        using var rows = PostcodeCsv.Read(reader).GetEnumerator();
        Assert.True(rows.MoveNext());
        Assert.True(rows.MoveNext());
        Assert.Throws<IOException>(() => rows.MoveNext());
    }

    [Theory]
    [InlineData("a,b,c", new[] { "a", "b", "c" })]
    [InlineData("", new[] { "" })]
    [InlineData(",", new[] { "", "" })]
    [InlineData("a,,c,", new[] { "a", "", "c", "" })]
    [InlineData("\"AB101AA\",10", new[] { "AB101AA", "10" })]
    [InlineData("\"a,b\",c", new[] { "a,b", "c" })]
    [InlineData("\"say \"\"hi\"\"\",x", new[] { "say \"hi\"", "x" })]
    [InlineData("\"\"", new[] { "" })]
    [InlineData("\"\",\"\"", new[] { "", "" })]
    [InlineData(" a , b ", new[] { " a ", " b " })]
    [InlineData("\"unclosed,field", new[] { "unclosed,field" })]
    [InlineData("\"ab\"cd,e", new[] { "abcd", "e" })]
    [InlineData("ab\"cd,e", new[] { "ab\"cd", "e" })]
    public void SplitCsvLine_follows_RFC_4180_quoting(string line, string[] expected)
    {
        Assert.Equal(expected, PostcodeCsv.SplitCsvLine(line));
    }

    private sealed class FailingReader(string text) : TextReader
    {
        private readonly StringReader _inner = new(text);

        public override string? ReadLine() => _inner.ReadLine() ?? throw new IOException("read past the test data");
    }
}
