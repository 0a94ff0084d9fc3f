namespace Contact.Server.Domain.Concerns;

/// <summary>One step on a concern's timeline.</summary>
public sealed record ConcernEvent(ConcernAction Action, ConcernStatus PreviousStatus, ConcernStatus NewStatus, string Note, string Actor, DateTimeOffset Time);
