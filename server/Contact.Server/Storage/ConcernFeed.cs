namespace Contact.Server.Storage;

public sealed class ConcernFeed : ChangeFeed<ConcernChange>;
