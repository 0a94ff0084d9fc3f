using System.Buffers;
using System.Buffers.Binary;
using Contact.Server.Services;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;

namespace Contact.Server.Hosting;

/// <summary>
/// Holds each call to its method's limit before a byte of the message is parsed. A gRPC request's
/// first message declares its length in a 5-byte prefix: one larger than the method's limit is
/// refused there with RESOURCE_EXHAUSTED (grpc-dotnet's own limit is per service, and the register
/// service carries both ListCentres and ImportCentres). Later messages of a client stream are held
/// by grpc-dotnet's per-service limit. A JSON body over the limit gets 413 from Kestrel.
/// The single message of a unary or server-streaming call is also parsed here once: bytes that are
/// not a valid message (invalid UTF-8 in a string, a truncated field) are INVALID_ARGUMENT, where
/// grpc-dotnet, failing inside its own reader, would answer UNKNOWN.
/// </summary>
public sealed class RequestSizeLimitMiddleware(RequestDelegate next, RequestLimitOptions limits, ILogger<RequestSizeLimitMiddleware> log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;
        if (method is null)
        {
            await next(context);
            return;
        }
        var limit = limits.LimitFor(method.FullName);
        // gRPC and binary gRPC-Web frame messages alike; gRPC-Web text is base64, held by the per-service limit.
        var contentType = context.Request.ContentType ?? "";
        if (contentType.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) && !contentType.Contains("-text", StringComparison.OrdinalIgnoreCase))
        {
            var declared = await FirstMessageLengthAsync(context);
            if (declared > limit)
            {
                log.LogWarning("Refused {Method}: its request message declares {Bytes} bytes, over its limit of {Limit}.", method.FullName, declared, limit);
                Refuse(context, StatusCode.ResourceExhausted, "REQUEST_TOO_LARGE", $"The request message is {declared:N0} bytes; {method.Name} takes at most {limit:N0}.", limit);
                return;
            }
            if (declared >= 0 && method.Type is MethodType.Unary or MethodType.ServerStreaming && await UnparsableAsync(context, method, declared) is { } problem)
            {
                Refuse(context, StatusCode.InvalidArgument, "MALFORMED_REQUEST", $"The request is not a valid {method.Name} request message: {problem}", null);
                return;
            }
        }
        else
        {
            // The JSON face: Kestrel answers 413 for a body over the limit (and at once for a Content-Length over it).
            if (context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        }
        await next(context);
    }

    /// <summary>The length the first message declares, read without consuming it; -1 when the body ends first.</summary>
    private static async Task<long> FirstMessageLengthAsync(HttpContext context)
    {
        var body = context.Request.BodyReader;
        var read = await body.ReadAtLeastAsync(5, context.RequestAborted);
        var buffer = read.Buffer;
        long length = -1;
        if (buffer.Length >= 5)
        {
            Span<byte> prefix = stackalloc byte[5];
            buffer.Slice(0, 5).CopyTo(prefix);
            length = BinaryPrimitives.ReadUInt32BigEndian(prefix[1..]);
        }
        // Nothing consumed and nothing examined: grpc-dotnet reads the message from the start.
        body.AdvanceTo(buffer.Start);
        return length;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<System.Type, MessageParser?> Parsers = new();

    /// <summary>Why the first (uncompressed) message does not parse as the method's request type; null when it does.</summary>
    private static async Task<string?> UnparsableAsync(HttpContext context, IMethod method, long length)
    {
        var requestType = method.GetType().GetGenericArguments().FirstOrDefault();
        var parser = requestType is null ? null : Parsers.GetOrAdd(requestType, t => t.GetProperty("Parser")?.GetValue(null) as MessageParser);
        if (parser is null) return null;
        var body = context.Request.BodyReader;
        var read = await body.ReadAtLeastAsync((int)Math.Min(int.MaxValue, 5 + length), context.RequestAborted);
        var buffer = read.Buffer;
        try
        {
            if (buffer.Length < 5 + length || buffer.FirstSpan[0] != 0) return null;   // short or compressed: grpc-dotnet's to answer
            parser.ParseFrom(buffer.Slice(5, length));
            return null;
        }
        catch (InvalidProtocolBufferException ex)
        {
            return ex.Message;
        }
        finally
        {
            body.AdvanceTo(buffer.Start);
        }
    }

    /// <summary>A trailers-only gRPC answer with an ErrorInfo.</summary>
    private static void Refuse(HttpContext context, StatusCode code, string reason, string message, int? limit)
    {
        var info = new ErrorInfo { Reason = reason, Domain = ErrorMapper.Domain };
        if (limit is { } l) info.Metadata["limit_bytes"] = l.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var status = new Google.Rpc.Status { Code = (int)code, Message = message, Details = { Any.Pack(info) } };
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(message);
        response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray()).TrimEnd('=');
    }
}
