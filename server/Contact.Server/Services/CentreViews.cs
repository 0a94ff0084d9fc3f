using System.Runtime.CompilerServices;
using Contact.Server.Domain.Register;
using V1 = Contact.V1;

namespace Contact.Server.Services;

/// <summary>
/// The BASIC and SUMMARY views of each centre, mapped once a day per stored version and then shared
/// by every answer that carries them: FindNearestCentres sends the same few centres over and over,
/// and mapping them afresh each time (with the allocation and garbage collection that goes with it)
/// showed in its server profile. The register never changes a centre in place - an update stores
/// a new instance - so an entry lives exactly as long as the version it was made from; a new day
/// makes it again, so a lapse by date shows at once. A view is only ever read once made
/// (serialising reads), which is what makes sharing it safe.
/// </summary>
public sealed class CentreViews
{
    private sealed record Entry<T>(DateOnly Day, T View);

    private readonly ConditionalWeakTable<Centre, Entry<V1.Centre>> _basic = new();
    private readonly ConditionalWeakTable<Centre, Entry<V1.CentreSummary>> _summary = new();

    /// <summary>The centre without its decision history, as it stands on <paramref name="today"/> (statuses lapse by date).</summary>
    public V1.Centre Basic(Centre centre, DateOnly today) => Shared(_basic, centre, today, static (c, d) => c.ToProto(d, history: false));

    /// <summary>The centre in brief, as a list of nearest centres shows it on <paramref name="today"/>.</summary>
    public V1.CentreSummary Summary(Centre centre, DateOnly today) => Shared(_summary, centre, today, static (c, d) => c.ToSummary(d));

    private static T Shared<T>(ConditionalWeakTable<Centre, Entry<T>> table, Centre centre, DateOnly today, Func<Centre, DateOnly, T> make)
    {
        if (table.TryGetValue(centre, out var entry) && entry.Day == today) return entry.View;
        var view = make(centre, today);
        table.AddOrUpdate(centre, new Entry<T>(today, view));
        return view;
    }
}
