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
    public static Scheme ForStatus(AccreditationStatus status) => status switch
    {
        AccreditationStatus.Accredited => Make(StandardColor.LightGreen),
        AccreditationStatus.Suspended => Make(StandardColor.Yellow),
        AccreditationStatus.Lapsed => Make(StandardColor.DarkGray),
        AccreditationStatus.Withdrawn => Make(StandardColor.Red),
        AccreditationStatus.Candidate => Make(StandardColor.Cyan),
        _ => Make(StandardColor.LightGray),
    };

    public static readonly Scheme Problem = Make(StandardColor.Red);
    public static readonly Scheme Notice = Make(StandardColor.Yellow);

    private static Scheme Make(StandardColor foreground) => new(new Attribute(foreground, StandardColor.Black))
    {
        Focus = new Attribute(StandardColor.Black, foreground),
        Active = new Attribute(StandardColor.Black, foreground),
    };
}
