using Contact.Server.Domain.Geo;
using Contact.Server.Domain.Register;

namespace Contact.Server.Finder;

/// <summary>One centre of an answer, with what the page may say of its distance.</summary>
public sealed record FoundCentre(Centre Centre, double DistanceKm, GeoPoint Origin);
