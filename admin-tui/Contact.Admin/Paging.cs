namespace Contact.Admin;

/// <summary>Reads a list call page by page: one loop for every screen that shows or writes a whole list.</summary>
public static class Paging
{
    /// <summary>How many rows a screen reads at most: a list longer than this wants a filter, not a scroll.</summary>
    public const int ScreenCap = 1000;

    /// <summary>
    /// Calls <paramref name="page"/> with each next-page token (first "") until the last page or
    /// <paramref name="cap"/> items; returns the items and the total the last page reported.
    /// </summary>
    public static async Task<(List<T> Items, int Total)> ReadAsync<T>(
        Func<string, Task<(IEnumerable<T> Items, string NextPageToken, int TotalSize)>> page, int cap = int.MaxValue)
    {
        var all = new List<T>();
        var token = "";
        var total = 0;
        do
        {
            var (items, next, size) = await page(token);
            all.AddRange(items);
            (token, total) = (next, size);
        } while (token.Length > 0 && all.Count < cap);
        return (all, total);
    }
}
