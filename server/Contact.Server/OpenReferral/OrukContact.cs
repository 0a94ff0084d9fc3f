namespace Contact.Server.OpenReferral;

public sealed record OrukContact(string Id, string ServiceId, string Name, string Url, string? Email, IReadOnlyList<OrukPhone> Phones);
