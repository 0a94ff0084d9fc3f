namespace Contact.Server.Domain.Common;

/// <summary>How a refusal is classed; the gRPC layer maps each to a status code.</summary>
public enum RefusalKind
{
    Invalid,
    NotFound,
    FailedPrecondition,
    StaleEtag,
    AlreadyExists,
    PermissionDenied,
}
