using Terminal.Gui.Views;

namespace Contact.Admin;

/// <summary>
/// Fields whose values come from a known list are matched as typed, never required exactly: a
/// case-insensitive prefix of the whole value, else of one of its words, that fits one value only
/// picks it ("york" is Yorkshire and The Humber, "humber" too).
/// </summary>
public static class KnownValues
{
    /// <summary>
    /// The UK's regions as the register records them (the ONS's English regions and the nations,
    /// spelt as the demo register and the ONS postcode directory spell them).
    /// </summary>
    public static readonly IReadOnlyList<string> Regions =
    [
        "East Midlands", "East of England", "London", "North East", "North West", "South East", "South West",
        "West Midlands", "Yorkshire and The Humber", "Wales", "Scotland", "Northern Ireland",
    ];

    /// <summary>The values <paramref name="typed"/> could mean, best first: one means it is picked.</summary>
    public static IReadOnlyList<string> Candidates(string typed, IEnumerable<string> values)
    {
        var t = typed.Trim();
        if (t.Length == 0) return [];
        var all = values.ToList();
        if (all.FirstOrDefault(v => v.Equals(t, StringComparison.OrdinalIgnoreCase)) is { } exact) return [exact];
        var whole = all.Where(v => v.StartsWith(t, StringComparison.OrdinalIgnoreCase)).ToList();
        if (whole.Count > 0) return whole;
        return all.Where(v => v.Split(' ').Any(w => w.StartsWith(t, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    /// <summary>The one value <paramref name="typed"/> means, or null (blank, ambiguous, or unknown).</summary>
    public static string? Pick(string typed, IEnumerable<string> values) =>
        Candidates(typed, values) is [var one] ? one : null;

    /// <summary>What the field means now: the value picked, else the text as typed.</summary>
    public static string Resolve(string typed, IEnumerable<string> values) => Pick(typed, values) ?? typed.Trim();

    /// <summary>A few words for the operator on what was typed: the value it picks, or the ones it could be.</summary>
    public static string Hint(string typed, IEnumerable<string> values) => Candidates(typed, values) switch
    {
        _ when typed.Trim().Length == 0 => "",
        [] => $"\"{typed.Trim()}\" is not a known value",
        [var one] => one,
        var some => "one of: " + string.Join(", ", some),
    };

    /// <summary>Completes <paramref name="field"/> to the value it picks when the operator leaves it (or presses Enter).</summary>
    public static void Complete(TextField field, IReadOnlyList<string> values)
    {
        void Fill()
        {
            if (Pick(field.Text, values) is { } picked && picked != field.Text) field.Text = picked;
        }
        field.HasFocusChanged += (_, _) => { if (!field.HasFocus) Fill(); };
        field.Accepting += (_, _) => Fill();
    }
}
