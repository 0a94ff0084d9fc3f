using Contact.V1;
using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace Contact.Admin;

/// <summary>
/// Colour carries status, but never alone: every status is also written in words, so a
/// monochrome terminal loses nothing.
/// </summary>
public static class Palette
{
    private static readonly Scheme Accredited = Make(StandardColor.LightGreen), Suspended = Make(StandardColor.Yellow),
        Lapsed = Make(StandardColor.DarkGray), Withdrawn = Make(StandardColor.Red), Candidate = Make(StandardColor.Cyan),
        Other = Make(StandardColor.LightGray);

    /// <summary>The colours of a status (made once: tables ask for them on every row they draw).</summary>
    public static Scheme ForStatus(AccreditationStatus status) => status switch
    {
        AccreditationStatus.Accredited => Accredited,
        AccreditationStatus.Suspended => Suspended,
        AccreditationStatus.Lapsed => Lapsed,
        AccreditationStatus.Withdrawn => Withdrawn,
        AccreditationStatus.Candidate => Candidate,
        _ => Other,
    };

    public static readonly Scheme Problem = Make(StandardColor.Red);

    private static Scheme Make(StandardColor foreground) => new(new Attribute(foreground, StandardColor.Black))
    {
        Focus = new Attribute(StandardColor.Black, foreground),
        Active = new Attribute(StandardColor.Black, foreground),
    };
}
