namespace Contact.Server.Domain.InformationSharing;

/// <summary>Same numbers as contact.v1.SharingRequestState.</summary>
public enum SharingState { Unspecified = 0, AwaitingCallCentre = 1, HeldForReview = 2, NotOpen = 3, WithFca = 4, Answered = 5 }
