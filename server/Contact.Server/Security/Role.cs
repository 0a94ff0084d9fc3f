namespace Contact.Server.Security;

/// <summary>Roles (the same numbers as contact.v1.Role); see ../shared/DOMAIN.md "Who uses it".</summary>
public enum Role
{
    Unspecified = 0,
    NctOperator = 1,
    Naccc = 2,
    Practitioner = 3,
    CallCentre = 4,
    ContactCentre = 5,
    CaseSystem = 6,
    Auditor = 7,
}
