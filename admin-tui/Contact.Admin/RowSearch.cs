namespace Contact.Admin;

/// <summary>
/// Search over rows already loaded (lists whose call has no text filter): a row matches when
/// every typed word appears, in any case, in what the row's columns show.
/// </summary>
public static class RowSearch
{
    public static List<T> Matching<T>(IEnumerable<T> rows, string query, IReadOnlyDictionary<string, Func<T, object>> columns)
    {
        var words = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return [.. rows];
        return [.. rows.Where(row =>
        {
            // Columns apart by a line break: a word never matches across two of them.
            var text = string.Join('\n', columns.Values.Select(column => column(row)?.ToString() ?? ""));
            return words.All(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
        })];
    }

    /// <summary>The info line's count: "12 referrals", or "3 of 12 referrals match "smith"" while searching.</summary>
    public static string Count(int shown, int total, string what, string query) =>
        query.Trim().Length == 0 ? $"{total} {Noun(total, what)}" : $"{shown} of {total} {Noun(total, what)} match \"{query.Trim()}\"";

    /// <summary>"1 request", not "1 requests": the plural noun (the last word before any bracket) made singular for one.</summary>
    public static string Noun(int count, string plural)
    {
        if (count != 1 || plural.StartsWith('"')) return plural;
        var bracket = plural.IndexOf(" (", StringComparison.Ordinal);
        var (head, tail) = bracket < 0 ? (plural, "") : (plural[..bracket], plural[bracket..]);
        if (head.EndsWith("ies", StringComparison.Ordinal)) head = head[..^3] + "y";
        else if (head.EndsWith('s')) head = head[..^1];
        return head + tail;
    }
}
