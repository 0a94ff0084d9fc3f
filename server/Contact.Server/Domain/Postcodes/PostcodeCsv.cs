using CsvHelper;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Contact.Server.Domain.Geo;

namespace Contact.Server.Domain.Postcodes;

/// <summary>
/// Reads a postcode → location table from CSV, in either of the two free national layouts:
/// <list type="bullet">
/// <item>the ONS Postcode Directory (ONSPD): a header row, postcode in <c>pcds</c> or
/// <c>pcd</c>, WGS84 in <c>lat</c>/<c>long</c>, termination date in <c>doterm</c>;</item>
/// <item>OS Code-Point Open: no header, columns postcode, positional quality, eastings,
/// northings, ... on the British National Grid.</item>
/// </list>
/// The layout is told from the first non-blank line.
/// </summary>
/// <remarks>
/// Decisions: terminated ONSPD postcodes are not imported (they may since have been reused
/// elsewhere) but reported as rows with <see cref="PostcodeCsvRow.IsTerminated"/> so they can
/// be counted; lines without a grid reference (ONSPD latitude 99.999999, Code-Point quality 90
/// or 0,0) are reported as errors.
/// </remarks>
public static class PostcodeCsv
{
    // ONSPD writes this latitude (with longitude 0) for postcodes it cannot place.
    private const double OnsNoGridReferenceLatitude = 99.999999;

    // Code-Point Open's positional quality indicator for "no coordinates".
    private const string CodePointNoCoordinatesQuality = "90";

    // Preferred first: pcds is the single-space form, the others pad to a fixed width.
    private static readonly string[] PostcodeHeaders = ["pcds", "pcd", "pcd7", "pcd8", "pcd2", "postcode"];
    private static readonly string[] LatitudeHeaders = ["lat", "latitude"];
    private static readonly string[] LongitudeHeaders = ["long", "lon", "lng", "longitude"];

    /// <summary>
    /// Streams rows from <paramref name="reader"/>, one per non-blank data line, so a file of
    /// millions of postcodes never has to be held in memory. Line numbers are 1-based physical
    /// lines, counting the header and blank lines.
    /// </summary>
    public static IEnumerable<PostcodeCsvRow> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadRows(reader);
    }

    private static IEnumerable<PostcodeCsvRow> ReadRows(TextReader reader)
    {
        Layout? layout = null;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;

            // A StreamReader drops the byte order mark, but text handed over by other means may not.
            if (lineNumber == 1 && line.StartsWith('\uFEFF'))
            {
                line = line[1..];
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (layout is not null)
            {
                yield return layout.Parse(lineNumber, layout.Split(line));
                continue;
            }

            var fields = SplitCsvLine(line);
            var detected = DetectLayout(fields, out var isHeader, out var layoutError);
            if (detected is null)
            {
                // Every later line would fail the same way, so one error says it all.
                yield return PostcodeCsvRow.Fail(lineNumber, layoutError!);
                yield break;
            }

            layout = detected;
            if (!isHeader)
            {
                yield return layout.Parse(lineNumber, fields);
            }
        }
    }

    /// <summary>
    /// Splits one CSV line into fields following RFC 4180 quoting (a field wrapped in double quotes
    /// may contain commas, and a doubled quote inside it stands for one quote), with CsvHelper, the
    /// project's one CSV library. Malformed quoting is read leniently rather than rejected: text
    /// after a closing quote is kept, and an unclosed quote runs to the end of the line.
    /// </summary>
    /// <remarks>
    /// Works on a single physical line, so quoted line breaks are not supported; the national
    /// datasets have none.
    /// </remarks>
    public static IReadOnlyList<string> SplitCsvLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        using var reader = CsvReader.FromText(line, LineOptions);
        if (!reader.Read()) return [""];
        var fields = new List<string>(reader.FieldCount);
        for (var i = 0; i < reader.FieldCount; i++) fields.Add(reader.GetString(i));
        return fields;
    }

    private static readonly CsvReaderOptions LineOptions = new()
    {
        Separator = ',',
        HasHeader = false,
        SkipEmptyLines = false,
        AllowLineBreaksInQuotes = false,
        MalformedData = CsvMalformedDataHandling.Recover,
        IncludeValuesInExceptions = false,
    };

    private static Layout? DetectLayout(IReadOnlyList<string> fields, out bool isHeader, out string? error)
    {
        isHeader = false;
        error = null;

        var names = new string[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            names[i] = fields[i].Trim().ToLowerInvariant();
        }

        var postcode = IndexOfAny(names, PostcodeHeaders);
        var latitude = IndexOfAny(names, LatitudeHeaders);
        if (postcode >= 0 && latitude >= 0)
        {
            isHeader = true;
            var longitude = IndexOfAny(names, LongitudeHeaders);
            if (longitude < 0)
            {
                error = "The header names a latitude column but no longitude column (long).";
                return null;
            }

            return new LatLongLayout(postcode, latitude, longitude, Array.IndexOf(names, "doterm"));
        }

        // Code-Point Open ships its column names in a separate file, but some people paste them in.
        var easting = IndexOfAny(names, ["eastings", "easting"]);
        var northing = IndexOfAny(names, ["northings", "northing"]);
        if (postcode >= 0 && easting >= 0 && northing >= 0)
        {
            isHeader = true;
            return new GridLayout(postcode, Array.IndexOf(names, "positional_quality_indicator"), easting, northing);
        }

        if (fields.Count >= 4 && IsInteger(fields[2]) && IsInteger(fields[3]))
        {
            return GridLayout.CodePointOpen;
        }

        error = "Unrecognised postcode CSV layout: expected an ONS Postcode Directory header "
            + "(pcd or pcds, lat, long) or Code-Point Open rows (postcode, quality, eastings, northings).";
        return null;
    }

    private static int IndexOfAny(string[] names, string[] candidates)
    {
        foreach (var candidate in candidates)
        {
            var index = Array.IndexOf(names, candidate);
            if (index >= 0)
            {
                return index;
            }
        }

        return -1;
    }

    private static bool IsInteger(string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);

    private static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);

    // Bounds what an error message echoes back from a line of arbitrary length.
    private static string Show(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= 40 ? $"'{trimmed}'" : $"'{trimmed[..40]}...'";
    }

    private abstract class Layout
    {
        private readonly int _minimumFields;
        private readonly bool[] _used;

        protected Layout(int[] columns, int[]? optionalColumns = null)
        {
            var optionalColumn = optionalColumns is [var only] ? only : -1;
            foreach (var column in columns)
            {
                _minimumFields = Math.Max(_minimumFields, column + 1);
            }

            _used = new bool[Math.Max(_minimumFields, optionalColumn + 1)];
            foreach (var column in columns)
            {
                if (column >= 0)
                {
                    _used[column] = true;
                }
            }

            if (optionalColumn >= 0)
            {
                _used[optionalColumn] = true;
            }
        }

        /// <summary>
        /// The line's fields, with text only in the columns this layout reads (the rest are ""): an
        /// ONSPD row has some 50 columns and the import reads four, over 2.7 million rows. A line
        /// with quotes goes through <see cref="SplitCsvLine"/>.
        /// </summary>
        public IReadOnlyList<string> Split(string line)
        {
            var span = line.AsSpan();
            if (span.Contains('"'))
            {
                return SplitCsvLine(line);
            }

            var fields = new string[span.Count(',') + 1];
            var start = 0;
            for (var i = 0; i < fields.Length; i++)
            {
                var end = line.IndexOf(',', start);
                if (end < 0)
                {
                    end = line.Length;
                }

                fields[i] = i < _used.Length && _used[i] ? line[start..end] : string.Empty;
                start = end + 1;
                if (i >= _used.Length)
                {
                    // Nothing further is read; the count is all that matters.
                    Array.Fill(fields, string.Empty, i + 1, fields.Length - i - 1);
                    break;
                }
            }

            return fields;
        }

        public PostcodeCsvRow Parse(int lineNumber, IReadOnlyList<string> fields)
        {
            if (fields.Count < _minimumFields)
            {
                return PostcodeCsvRow.Fail(
                    lineNumber, $"Expected at least {_minimumFields} fields but found {fields.Count}.");
            }

            return ParseFields(lineNumber, fields);
        }

        protected abstract PostcodeCsvRow ParseFields(int lineNumber, IReadOnlyList<string> fields);

        protected static bool TryParsePostcode(
            int lineNumber, string text, out Postcode postcode, [NotNullWhen(false)] out PostcodeCsvRow? failure)
        {
            failure = Postcode.TryParse(text, out postcode)
                ? null
                : PostcodeCsvRow.Fail(lineNumber, $"Invalid postcode {Show(text)}.");
            return failure is null;
        }
    }

    // ONSPD and anything else with a header naming WGS84 latitude/longitude columns.
    private sealed class LatLongLayout(int postcodeColumn, int latitudeColumn, int longitudeColumn, int terminatedColumn)
        : Layout([postcodeColumn, latitudeColumn, longitudeColumn], [terminatedColumn])
    {
        protected override PostcodeCsvRow ParseFields(int lineNumber, IReadOnlyList<string> fields)
        {
            if (!TryParsePostcode(lineNumber, fields[postcodeColumn], out var postcode, out var failure))
            {
                return failure;
            }

            // A short row may omit a trailing doterm; that means not terminated.
            var terminated = terminatedColumn >= 0 && terminatedColumn < fields.Count
                ? fields[terminatedColumn].Trim()
                : string.Empty;
            if (terminated.Length > 0)
            {
                return PostcodeCsvRow.Fail(lineNumber, $"Postcode {postcode} was terminated ({Show(terminated)}).")
                    with { IsTerminated = true };
            }

            var latitudeText = fields[latitudeColumn];
            var longitudeText = fields[longitudeColumn];
            if (!TryParseNumber(latitudeText, out var latitude) || !TryParseNumber(longitudeText, out var longitude))
            {
                return PostcodeCsvRow.Fail(
                    lineNumber,
                    $"Postcode {postcode} has a non-numeric location ({Show(latitudeText)}, {Show(longitudeText)}).");
            }

            if (Math.Abs(latitude - OnsNoGridReferenceLatitude) < 1e-9)
            {
                return PostcodeCsvRow.Fail(lineNumber, $"Postcode {postcode} has no grid reference.");
            }

            if (!GeoPoint.IsValid(latitude, longitude))
            {
                return PostcodeCsvRow.Fail(
                    lineNumber,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Postcode {postcode} has an out-of-range location ({latitude}, {longitude})."));
            }

            return PostcodeCsvRow.Ok(lineNumber, postcode, new GeoPoint(latitude, longitude));
        }
    }

    // Code-Point Open: eastings/northings on the British National Grid.
    private sealed class GridLayout(int postcodeColumn, int qualityColumn, int eastingColumn, int northingColumn)
        : Layout([postcodeColumn, qualityColumn, eastingColumn, northingColumn])
    {
        public static readonly GridLayout CodePointOpen = new(0, 1, 2, 3);

        protected override PostcodeCsvRow ParseFields(int lineNumber, IReadOnlyList<string> fields)
        {
            if (!TryParsePostcode(lineNumber, fields[postcodeColumn], out var postcode, out var failure))
            {
                return failure;
            }

            var eastingText = fields[eastingColumn];
            var northingText = fields[northingColumn];
            if (!TryParseNumber(eastingText, out var easting) || !TryParseNumber(northingText, out var northing))
            {
                return PostcodeCsvRow.Fail(
                    lineNumber,
                    $"Postcode {postcode} has non-numeric eastings/northings ({Show(eastingText)}, {Show(northingText)}).");
            }

            // Code-Point Open marks unplaced postcodes with quality 90 and writes 0,0 for them.
            var noCoordinates = qualityColumn >= 0 && fields[qualityColumn].Trim() == CodePointNoCoordinatesQuality;
            if (noCoordinates || (easting == 0 && northing == 0))
            {
                return PostcodeCsvRow.Fail(lineNumber, $"Postcode {postcode} has no grid reference.");
            }

            if (!BritishNationalGrid.IsWithinGrid(easting, northing))
            {
                return PostcodeCsvRow.Fail(
                    lineNumber,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Postcode {postcode} has eastings/northings outside the National Grid ({easting}, {northing})."));
            }

            return PostcodeCsvRow.Ok(lineNumber, postcode, BritishNationalGrid.ToWgs84(easting, northing));
        }
    }
}
