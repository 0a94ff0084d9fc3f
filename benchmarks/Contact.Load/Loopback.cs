using System.Net;

namespace Contact.Load;

/// <summary>Keeps load, crash and fuzz runs on this machine.</summary>
public static class Loopback
{
    /// <summary>Throws unless <paramref name="address"/> is a loopback address: load never leaves the machine.</summary>
    public static Uri Require(string address)
    {
        var uri = new Uri(address);
        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        if (!loopback) throw new ArgumentException($"Refusing target {address}: load, crash and fuzz runs are for loopback addresses only.");
        return uri;
    }
}
