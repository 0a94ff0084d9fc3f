namespace Contact.Server.OpenReferral;

public sealed record OrukPhone(string Id, string Number);
