using Google.Rpc;
using Grpc.Core;

namespace Contact.Client;

/// <summary>
/// A refusal from the Contact API in typed form: the status code, the machine-readable reason
/// (contact.v1.ErrorReason without its prefix), the policy or MOU clause that refused it, and the
/// fields at fault.
/// </summary>
public sealed record ContactError(StatusCode Code, string Message, string? Reason, string? Clause, IReadOnlyList<FieldViolation> Fields)
{
    /// <summary>Reads the details the server attached to an <see cref="RpcException"/>.</summary>
    public static ContactError From(RpcException ex)
    {
        var status = ex.GetRpcStatus();
        var info = status?.GetDetail<ErrorInfo>();
        var badRequest = status?.GetDetail<BadRequest>();
        return new ContactError(
            ex.StatusCode,
            status?.Message ?? ex.Status.Detail,
            info?.Reason,
            info is not null && info.Metadata.TryGetValue("clause", out var clause) ? clause : null,
            badRequest?.FieldViolations.Select(f => new FieldViolation(f.Field, f.Description)).ToList() ?? []);
    }

    /// <inheritdoc />
    public override string ToString() =>
        Clause is null ? $"{Code}: {Message}" : $"{Code} ({Clause}): {Message}";
}

/// <summary>One invalid request field.</summary>
public sealed record FieldViolation(string Field, string Description);

/// <summary>Extensions for reading errors.</summary>
public static class RpcExceptionExtensions
{
    /// <summary>The typed refusal carried by this exception.</summary>
    public static ContactError ToContactError(this RpcException ex) => ContactError.From(ex);
}
