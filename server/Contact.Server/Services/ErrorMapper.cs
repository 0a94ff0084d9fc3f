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

    public static RpcException ToRpcException(RuleViolation violation, StatusCode? code = null)
    {
        var status = new Google.Rpc.Status
        {
            Code = (int)(code ?? CodeFor(violation.Kind)),
            Message = violation.Message,
        };
        var info = new ErrorInfo { Reason = violation.Reason, Domain = Domain };
        if (violation.Clause is not null) info.Metadata["clause"] = violation.Clause;
        status.Details.Add(Any.Pack(info));
        if (violation.Fields.Count > 0)
        {
            var badRequest = new BadRequest();
            foreach (var field in violation.Fields)
                badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = field.Field, Description = field.Description });
            status.Details.Add(Any.Pack(badRequest));
        }
        return status.ToRpcException();
    }

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
