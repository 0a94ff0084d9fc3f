using Contact.Server.Domain.Register;

namespace Contact.Server.Storage;

/// <summary>The register's accreditation changes, fanned out once durable (MOU 2.1.3).</summary>
public sealed class AccreditationFeed : ChangeFeed<AccreditationChange>;
