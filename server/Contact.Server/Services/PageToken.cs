using System.Text;
using Contact.Server.Domain.Common;
using Contact.Server.Domain.Geo;
using Contact.Server.Domain.Register;
using Contact.Server.Security;
using Contact.Server.Storage;
using Grpc.Core;
using V1 = Contact.V1;

namespace Contact.Server.Services;

/// <summary>Opaque page tokens: the last resource id of the page, base64url-encoded.</summary>
public static class PageToken
{
    public static string Encode(string lastId) => Convert.ToBase64String(Encoding.UTF8.GetBytes("after:" + lastId)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string? Decode(string token, Validation v)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            if (text.StartsWith("after:", StringComparison.Ordinal) && text.Length > 6) return text[6..];
        }
        catch (FormatException) { }
        v.Add("page_token", "is not a token this server issued");
        return null;
    }

    /// <summary>
    /// One page of <paramref name="ordered"/> after the item whose key <paramref name="after"/> names, and the
    /// token for the next page ("" on the last). Keys must be distinct. A token that names no item (gone, or
    /// filtered out since) pages on from where its key would sort when the list is in ordinal key order
    /// (<paramref name="orderedByKey"/>); any other ordering cannot place it, so it is refused as unknown
    /// rather than silently restarting at the first page.
    /// </summary>
    public static (List<T> Items, string NextToken) Page<T>(IReadOnlyList<T> ordered, Func<T, string> keyOf, string? after, int size, bool orderedByKey)
    {
        var start = 0;
        if (after is not null)
        {
            start = orderedByKey ? CountUpTo(ordered, keyOf, after) : IndexOf(ordered, keyOf, after) + 1;
            if (start == 0 && !orderedByKey) throw RuleViolation.Invalid("page_token", "unknown");
        }
        var items = ordered.Skip(start).Take(size).ToList();
        var next = start + items.Count < ordered.Count && items.Count > 0 ? Encode(keyOf(items[^1])) : "";
        return (items, next);
    }

    private static int IndexOf<T>(IReadOnlyList<T> list, Func<T, string> keyOf, string key)
    {
        for (var i = 0; i < list.Count; i++)
            if (string.Equals(keyOf(list[i]), key, StringComparison.Ordinal)) return i;
        return -1;
    }

    private static int CountUpTo<T>(IReadOnlyList<T> list, Func<T, string> keyOf, string key)
    {
        var n = 0;
        while (n < list.Count && string.CompareOrdinal(keyOf(list[n]), key) <= 0) n++;
        return n;
    }
}
