namespace Contact.Server.OpenReferral;

/// <summary>A weekly opening session as an RFC 5545 rule (HSDS schedule), UK local time.</summary>
public sealed record OrukSchedule(string Id, string ServiceId, string Url, string Freq, string Byday, string OpensAt, string ClosesAt, string Description);
