namespace Contact.Server.Storage;

/// <summary>
/// One postcode district's postcodes, packed by <see cref="Domain.Postcodes.PostcodeDistrict.Encode"/>
/// (10 bytes a postcode): a few thousand documents hold the whole national directory.
/// </summary>
public sealed class PostcodeBlock
{
    /// <summary>The outward code, e.g. "LS1".</summary>
    public string Id { get; set; } = "";
    public byte[] Codes { get; set; } = [];
    public int Count { get; set; }
}
