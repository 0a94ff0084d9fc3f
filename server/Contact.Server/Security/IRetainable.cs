namespace Contact.Server.Security;

/// <summary>
/// A stored record that holds a child's data. It carries the date after which it may no longer be
/// kept; the retention job purges or anonymises it once that date has passed.
/// </summary>
public interface IRetainable
{
    /// <summary>
    /// When the record's retention ends, from <see cref="RetentionSchedule.RetainUntil"/>. Set it when
    /// the record is created and again when it closes; null once it holds no child's data, or while
    /// it is live work whose period counts from its closure (an open referral or case).
    /// </summary>
    DateTimeOffset? RetainUntil { get; set; }
}
