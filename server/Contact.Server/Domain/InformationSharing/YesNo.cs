namespace Contact.Server.Domain.InformationSharing;

/// <summary>Same numbers as contact.v1.YesNo.</summary>
public enum YesNo { Unspecified = 0, Yes = 1, No = 2 }
