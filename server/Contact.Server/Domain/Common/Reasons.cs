namespace Contact.Server.Domain.Common;

/// <summary>The ErrorInfo reasons, as declared by contact.v1.ErrorReason.</summary>
public static class Reasons
{
    public const string InvalidRequest = "INVALID_REQUEST";
    public const string NotFound = "NOT_FOUND";
    public const string StaleEtag = "STALE_ETAG";
    public const string NotAccredited = "NOT_ACCREDITED";
    public const string IllegalAccreditationTransition = "ILLEGAL_ACCREDITATION_TRANSITION";
    public const string UnknownPostcode = "UNKNOWN_POSTCODE";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string PermissionDenied = "PERMISSION_DENIED";
    public const string RuleViolation = "RULE_VIOLATION";
    public const string FailedPrecondition = "FAILED_PRECONDITION";
    public const string AlreadyExists = "ALREADY_EXISTS";
}
