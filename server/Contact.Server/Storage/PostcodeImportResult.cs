namespace Contact.Server.Storage;

public sealed class PostcodeImportResult
{
    public long Imported { get; set; }
    public long Terminated { get; set; }
    public long Failed { get; set; }
    public int DistrictsUpdated { get; set; }
    public List<string> Errors { get; } = [];
}
