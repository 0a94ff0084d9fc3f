using System.Globalization;

namespace Contact.Admin;

/// <summary>Money as the console shows and reads it: pence on the wire, pounds on screen, never a float.</summary>
public static partial class Words
{
    /// <summary>Pence as pounds, "£12,500.00": integer arithmetic, so never a rounding error.</summary>
    public static string Money(long pence)
    {
        var sign = pence < 0 ? "-" : "";
        var abs = Math.Abs((decimal)pence);
        return $"{sign}£{(abs / 100).ToString("#,0.00", CultureInfo.InvariantCulture)}";
    }

    /// <summary>Pence as a plain amount to edit, "12500.00".</summary>
    public static string Pounds(long pence) => ((decimal)pence / 100).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses pounds ("12500", "12,500.50", "£12,500.5") exactly to pence, in decimal, never a float.
    /// Refuses more than two decimal places, a sign, and anything that is not more than zero.
    /// </summary>
    public static bool TryParsePounds(string text, out long pence)
    {
        pence = 0;
        var t = text.Trim().TrimStart('£').Trim();
        if (!decimal.TryParse(t, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pounds)) return false;
        var p = pounds * 100;
        if (p != decimal.Truncate(p) || p <= 0 || p > long.MaxValue) return false;
        pence = (long)p;
        return true;
    }
}
