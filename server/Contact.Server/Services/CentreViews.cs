using System.Runtime.CompilerServices;
using Contact.Server.Domain.Register;
using V1 = Contact.V1;

namespace Contact.Server.Services;

/// <summary>
/// The BASIC view of each centre, mapped once a day per stored version and then shared by every
/// answer that carries it: FindNearestCentres sends the same few centres over and over, and
/// mapping them afresh each time (with the allocation and garbage collection that goes with it)
/// showed in its server profile. The register never changes a centre in place - an update stores
/// a new instance - so an entry lives exactly as long as the version it was made from. A view is
/// only ever read once made (serialising reads), which is what makes sharing it safe.
/// </summary>
public sealed class CentreViews
{
    private sealed record Entry(DateOnly Day, V1.Centre View);

    private readonly ConditionalWeakTable<Centre, Entry> _basic = new();

    /// <summary>The centre without its decision history, as it stands on <paramref name="today"/> (statuses lapse by date).</summary>
    public V1.Centre Basic(Centre centre, DateOnly today)
    {
        if (_basic.TryGetValue(centre, out var entry) && entry.Day == today) return entry.View;
        var view = centre.ToProto(today, history: false);
        _basic.AddOrUpdate(centre, new Entry(today, view));
        return view;
    }
}
