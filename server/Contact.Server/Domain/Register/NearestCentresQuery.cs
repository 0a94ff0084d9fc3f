using Contact.Server.Domain.Geo;

namespace Contact.Server.Domain.Register;

/// <summary>
/// "Which centres may be offered for this kind of contact today, nearest first": the one question
/// that the gRPC lookup (FindNearestCentres) and the public find-a-centre page both ask, so that
/// they can never disagree. Only centres accredited today for the contact type are ever offered
/// (policy 1.2; MOU 2.1.2): never a suspended, lapsed, withdrawn or candidate one.
/// </summary>
/// <param name="Setting">Centre-based or community; <see cref="Setting.Unspecified"/> for either.</param>
/// <param name="CommissionedOnly">Only services NCT commissions today (supervised referrals, policy 1.4).</param>
/// <param name="ByWaitingTime">Shortest wait first, then distance; otherwise distance only.</param>
public sealed record NearestCentresQuery(
    GeoPoint Origin,
    ContactKind ContactType,
    Setting Setting,
    bool CommissionedOnly,
    double MaxDistanceKm,
    int Limit,
    bool ByWaitingTime = false)
{
    /// <summary>Whether <paramref name="centre"/> may be offered for this query on <paramref name="today"/>.</summary>
    public bool Offers(Centre centre, DateOnly today) =>
        AccreditationRules.IsAccreditedFor(centre, ContactType, today)
        && (Setting == Setting.Unspecified || centre.Setting == Setting)
        && (!CommissionedOnly || centre.IsCommissionedOn(today));

    /// <summary>The answer from <paramref name="index"/>: the centres offered, with their distance in km.</summary>
    public IReadOnlyList<(Centre Centre, double DistanceKm)> Run(RegisterIndex index, DateOnly today) =>
        index.Nearest(Origin, MaxDistanceKm, Limit, ByWaitingTime, c => Offers(c, today));
}
