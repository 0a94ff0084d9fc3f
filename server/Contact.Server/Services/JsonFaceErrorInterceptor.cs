using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;

namespace Contact.Server.Services;

/// <summary>
/// Refusals on the JSON face fit JSON: field paths in lowerCamel (as the caller wrote them), an
/// ErrorInfo on every refusal. The rules name fields by their proto (snake_case) paths, which is
/// what gRPC callers see; only calls that came in through the JSON transcoding are rewritten.
/// </summary>
public sealed partial class JsonFaceErrorInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try { return await continuation(request, context); }
        catch (RpcException ex) when (IsTranscoded(context)) { throw ForJson(ex); }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { await continuation(request, responseStream, context); }
        catch (RpcException ex) when (IsTranscoded(context)) { throw ForJson(ex); }
    }

    private static bool IsTranscoded(ServerCallContext context) =>
        context.GetHttpContext().GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is not null;

    /// <summary>The same refusal with lowerCamel field paths, and an ErrorInfo if it had none.</summary>
    public static RpcException ForJson(RpcException ex)
    {
        var status = ex.GetRpcStatus() ?? new Google.Rpc.Status { Code = (int)ex.StatusCode, Message = ex.Status.Detail };
        if (!status.Details.Any(d => d.Is(ErrorInfo.Descriptor)))
            status.Details.Insert(0, Any.Pack(new ErrorInfo { Reason = ReasonOf(ex.StatusCode), Domain = ErrorMapper.Domain }));
        for (var i = 0; i < status.Details.Count; i++)
        {
            if (!status.Details[i].Is(BadRequest.Descriptor)) continue;
            var badRequest = status.Details[i].Unpack<BadRequest>();
            foreach (var violation in badRequest.FieldViolations) violation.Field = LowerCamel(violation.Field);
            status.Details[i] = Any.Pack(badRequest);
        }
        return status.ToRpcException();
    }

    /// <summary>"children[0].given_names" → "children[0].givenNames" (the proto3 JSON names).</summary>
    public static string LowerCamel(string path) => SnakeJoint().Replace(path, m => m.Groups[1].Value.ToUpperInvariant());

    private static string ReasonOf(StatusCode code) => SnakeWord().Replace(code.ToString(), "$1_$2").ToUpperInvariant();

    [GeneratedRegex("_([a-z0-9])")]
    private static partial Regex SnakeJoint();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex SnakeWord();
}
