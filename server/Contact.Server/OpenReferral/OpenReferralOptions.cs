namespace Contact.Server.OpenReferral;

/// <summary>Settings of the open Open Referral UK feed ("Contact:OpenReferral").</summary>
public sealed class OpenReferralOptions
{
    /// <summary>Requests a client address may make per minute before 429 Too Many Requests.</summary>
    public int PermitsPerMinute { get; set; } = 120;
    /// <summary>The largest page a client may ask for.</summary>
    public int MaxPerPage { get; set; } = 200;
    /// <summary>
    /// How long caches may reuse an answer (Cache-Control max-age): also how long a suspended
    /// centre may still be shown by a directory that caches; revalidating with the ETag is cheap.
    /// </summary>
    public int CacheSeconds { get; set; } = 60;
}
