using Contact.V1;

namespace Contact.Admin.Views;

/// <summary>What the centres table shows: ListCentres' filters.</summary>
public sealed record CentreFilter(string Text = "", string Region = "", ContactType Type = ContactType.Unspecified,
    DeliverySetting Setting = DeliverySetting.Unspecified, AccreditationStatus Status = AccreditationStatus.Unspecified)
{
    public ListCentresRequest ToRequest(int pageSize, string pageToken) => new()
    {
        Text = Text.Trim(), Region = Region.Trim(), ContactType = Type, Setting = Setting, Status = Status,
        PageSize = pageSize, PageToken = pageToken,
    };

    /// <summary>
    /// The status a row's colour shows: that of the level the filter's contact type needs (a centre
    /// suspended for supervised contact is still green when the filter is about supported contact);
    /// with a status filter only, that status (the level that has it is why the row is listed);
    /// else the centre's headline status.
    /// </summary>
    public AccreditationStatus RowStatus(Centre c)
    {
        var level = Words.LevelFor(Type);
        if (level != AccreditationLevel.Unspecified)
            return Words.StatusAt(c, level) is var s && s != AccreditationStatus.Unspecified ? s : AccreditationStatus.NotAccredited;
        return Status != AccreditationStatus.Unspecified ? Status : Words.Headline(c);
    }
}
