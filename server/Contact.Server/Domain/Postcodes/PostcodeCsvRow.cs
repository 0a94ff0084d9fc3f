using System.Diagnostics.CodeAnalysis;
using Contact.Server.Domain.Geo;

namespace Contact.Server.Domain.Postcodes;

/// <summary>
/// One data line of a postcode table: either a postcode with its WGS84 location, or an error
/// saying why the line was not imported. Exactly one of the two is set.
/// </summary>
public sealed record PostcodeCsvRow(int LineNumber, Postcode? Postcode, GeoPoint? Location, string? Error)
{
    /// <summary>
    /// True for an ONSPD postcode left out because it has been terminated (its <c>doterm</c> is
    /// set). Such rows also carry an <see cref="Error"/>; the flag lets an import report them
    /// apart from malformed lines, since a full directory holds hundreds of thousands of them.
    /// </summary>
    public bool IsTerminated { get; init; }

    [MemberNotNullWhen(true, nameof(Postcode), nameof(Location))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    internal static PostcodeCsvRow Ok(int lineNumber, Postcode postcode, GeoPoint location) =>
        new(lineNumber, postcode, location, null);

    internal static PostcodeCsvRow Fail(int lineNumber, string error) =>
        new(lineNumber, null, null, error);
}
