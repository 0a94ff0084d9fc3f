using Contact.Server.Domain.Common;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Contact.Server.Services;

/// <summary>
/// Turns domain refusals into gRPC statuses with machine-readable details: ErrorInfo (reason,
/// domain, clause) and BadRequest field violations. Anything unexpected becomes INTERNAL with no
/// stack trace on the wire.
/// </summary>
public static class ErrorMapper
{
    public const string Domain = "contact.cafcass.gov.uk";

    /// <summary>At most this many field violations go on the wire; the rest are counted in ErrorInfo "omitted_violations".</summary>
    public const int MaxFieldViolations = 20;

    /// <summary>The message's length cap, in characters (grpc-message percent-encodes, so up to 3 bytes each).</summary>
    public const int MaxMessageLength = 400;

    // The details' budget in bytes before base64 (x4/3 in grpc-status-details-bin): with the message,
    // every error's metadata stays under 4 KB, which default clients (8 KB, less per header) accept.
    private const int MaxDetailsBytes = 1_800;
    private const int MaxFieldLength = 120;
    private const int MaxDescriptionLength = 160;

    public static RpcException ToRpcException(RuleViolation violation, StatusCode? code = null)
    {
        var info = new ErrorInfo { Reason = violation.Reason, Domain = Domain };
        if (violation.Clause is not null) info.Metadata["clause"] = Clip(violation.Clause, 60);
        var badRequest = new BadRequest();
        var omitted = 0;
        foreach (var field in violation.Fields)
        {
            var entry = new BadRequest.Types.FieldViolation { Field = Clip(field.Field, MaxFieldLength), Description = Clip(field.Description, MaxDescriptionLength) };
            if (badRequest.FieldViolations.Count < MaxFieldViolations && info.CalculateSize() + badRequest.CalculateSize() + entry.CalculateSize() + 64 <= MaxDetailsBytes)
                badRequest.FieldViolations.Add(entry);
            else
                omitted++;
        }
        var message = violation.Message;
        if (omitted > 0)
        {
            info.Metadata["omitted_violations"] = omitted.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var suffix = $" (and {omitted} more problem{(omitted == 1 ? "" : "s")} not listed)";
            message = Clip(message, MaxMessageLength - suffix.Length) + suffix;
        }
        var status = new Google.Rpc.Status { Code = (int)(code ?? CodeFor(violation.Kind)), Message = Clip(message, MaxMessageLength) };
        status.Details.Add(Any.Pack(info));
        if (badRequest.FieldViolations.Count > 0) status.Details.Add(Any.Pack(badRequest));
        return status.ToRpcException();
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>
    /// DATA_LOSS for a call that needed part of the store that cannot be read (a damaged file). The
    /// caller learns nothing of the file; operators find it in the log and with check-store.
    /// </summary>
    public static RpcException StoreDamaged() => new Google.Rpc.Status
    {
        Code = (int)StatusCode.DataLoss,
        Message = "The store could not read what this call needs: it is damaged. The operators have been told (check-store, restore from a backup).",
        Details = { Any.Pack(new ErrorInfo { Reason = "STORE_DAMAGED", Domain = Domain }) },
    }.ToRpcException();

    public static StatusCode CodeFor(RefusalKind kind) => kind switch
    {
        RefusalKind.Invalid => StatusCode.InvalidArgument,
        RefusalKind.NotFound => StatusCode.NotFound,
        RefusalKind.FailedPrecondition => StatusCode.FailedPrecondition,
        RefusalKind.StaleEtag => StatusCode.Aborted,
        RefusalKind.AlreadyExists => StatusCode.AlreadyExists,
        RefusalKind.PermissionDenied => StatusCode.PermissionDenied,
        _ => StatusCode.Internal,
    };
}
