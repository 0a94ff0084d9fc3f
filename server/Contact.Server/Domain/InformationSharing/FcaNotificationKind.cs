namespace Contact.Server.Domain.InformationSharing;

/// <summary>Same numbers as contact.v1.FcaNotificationKind.</summary>
public enum FcaNotificationKind { Unspecified = 0, CaseQueried = 1, RequestRouted = 2 }
