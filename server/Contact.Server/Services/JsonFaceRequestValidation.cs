using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;

namespace Contact.Server.Services;

/// <summary>
/// Checks a transcoded call's query string and JSON body against the request message before the
/// transcoding binds them: a parameter or body field the message does not have is refused (it
/// would be silently dropped, and a caller who misspelt a filter would get every result), and so is
/// a value that does not parse as its field's type (the transcoding's own refusal carries no
/// details). Refusals are google.rpc.Status JSON with an ErrorInfo and a BadRequest naming the field.
/// </summary>
public sealed class JsonFaceRequestValidation(RequestDelegate next)
{
    public const string UnknownField = "UNKNOWN_FIELD";
    public const string MalformedValue = "MALFORMED_VALUE";

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is not { } transcoding)
        {
            await next(http);
            return;
        }
        var input = transcoding.MethodDescriptor.InputType;
        var rule = transcoding.HttpRule;
        var violations = new List<(string Field, string Description, string Reason)>();

        if (rule.Body != "*")
        {
            var bound = PathVariables(rule).Append(rule.Body).Where(x => x.Length > 0).Select(x => x.Split('.')[0]).ToHashSet();
            foreach (var (name, values) in http.Request.Query)
            {
                var field = Resolve(input, name);
                if (field is null || bound.Contains(field.Value.Top.Name))
                    violations.Add((name, "is not a parameter of this call (see /openapi.json)", UnknownField));
                else foreach (var value in values)
                    if (!Parses(field.Value.Leaf, value ?? ""))
                        violations.Add((name, $"'{Truncate(value)}' is not a valid {Describe(field.Value.Leaf)}", MalformedValue));
            }
        }
        if (rule.Body.Length > 0 && (http.Request.ContentLength ?? 1) > 0 && http.Request.HasJsonContentType())
        {
            http.Request.EnableBuffering();
            try
            {
                using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
                var target = rule.Body == "*" ? input : input.FindFieldByName(rule.Body)?.MessageType;
                var prefix = rule.Body == "*" ? "" : LowerCamelField(input.FindFieldByName(rule.Body)!) + ".";
                if (target is not null) CheckObject(body.RootElement, target, prefix, violations);
            }
            catch (JsonException ex)
            {
                violations.Add(("", $"the body is not JSON: {ex.Message}", MalformedValue));
            }
            finally { http.Request.Body.Position = 0; }
        }

        if (violations.Count == 0)
        {
            await next(http);
            return;
        }
        var status = new Google.Rpc.Status
        {
            Code = (int)StatusCode.InvalidArgument,
            Message = string.Join("; ", violations.Select(v => v.Field.Length > 0 ? $"{v.Field}: {v.Description}" : v.Description)),
        };
        status.Details.Add(Any.Pack(new ErrorInfo { Reason = violations[0].Reason, Domain = ErrorMapper.Domain }));
        var badRequest = new BadRequest();
        foreach (var v in violations) badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description });
        status.Details.Add(Any.Pack(badRequest));
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(Formatter.Format(status), http.RequestAborted);
    }

    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithTypeRegistry(
        TypeRegistry.FromMessages(ErrorInfo.Descriptor, BadRequest.Descriptor)));

    /// <summary>Every property of a JSON object must be a field of the message (by JSON or proto name); scalars must have the field's JSON type.</summary>
    private static void CheckObject(JsonElement element, MessageDescriptor message, string prefix, List<(string, string, string)> violations)
    {
        if (IsWellKnown(message)) return;   // Timestamp, Duration, wrappers…: their own JSON forms, checked by the parser
        if (element.ValueKind != JsonValueKind.Object)
        {
            if (element.ValueKind != JsonValueKind.Null) violations.Add((prefix.TrimEnd('.'), "must be a JSON object", MalformedValue));
            return;
        }
        foreach (var property in element.EnumerateObject())
        {
            var field = message.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == property.Name || f.Name == property.Name);
            var path = prefix + property.Name;
            if (field is null) { violations.Add((path, "is not a field of this request (see /openapi.json)", UnknownField)); continue; }
            if (field.IsMap || property.Value.ValueKind == JsonValueKind.Null) continue;
            if (field.IsRepeated)
            {
                if (property.Value.ValueKind != JsonValueKind.Array) { violations.Add((path, "must be a JSON array", MalformedValue)); continue; }
                var i = 0;
                foreach (var item in property.Value.EnumerateArray()) CheckValue(item, field, $"{path}[{i++}]", violations);
            }
            else CheckValue(property.Value, field, path, violations);
        }
    }

    private static void CheckValue(JsonElement value, FieldDescriptor field, string path, List<(string, string, string)> violations)
    {
        if (field.FieldType == FieldType.Message) { CheckObject(value, field.MessageType, path + ".", violations); return; }
        var ok = value.ValueKind switch
        {
            JsonValueKind.String => Parses(field, value.GetString()!),
            JsonValueKind.Number => field.FieldType is not (FieldType.String or FieldType.Bytes or FieldType.Bool) && Parses(field, value.GetRawText()),
            JsonValueKind.True or JsonValueKind.False => field.FieldType == FieldType.Bool,
            _ => false,
        };
        if (!ok) violations.Add((path, $"is not a valid {Describe(field)}", MalformedValue));
    }

    /// <summary>Whether a text form parses as the field's type (proto3 JSON: enums by name or number).</summary>
    private static bool Parses(FieldDescriptor field, string text) => field.FieldType switch
    {
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        FieldType.UInt32 or FieldType.Fixed32 => uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        FieldType.UInt64 or FieldType.Fixed64 => ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        FieldType.Double or FieldType.Float => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || text is "NaN" or "Infinity" or "-Infinity",
        FieldType.Bool => text is "true" or "false",
        FieldType.Enum => field.EnumType.FindValueByName(text) is not null
                          || (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && field.EnumType.FindValueByNumber(n) is not null),
        _ => true,
    };

    private static string Describe(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Enum => $"{field.EnumType.Name} (one of {string.Join(", ", field.EnumType.Values.Select(v => v.Name))})",
        FieldType.Bool => "boolean (true or false)",
        FieldType.Double or FieldType.Float => "number",
        FieldType.String or FieldType.Bytes => "string",
        FieldType.Message => field.MessageType.Name,
        _ => "whole number",
    };

    /// <summary>A query parameter's field: dotted lowerCamel (or proto) names, down through sub-messages.</summary>
    private static (FieldDescriptor Top, FieldDescriptor Leaf)? Resolve(MessageDescriptor message, string path)
    {
        FieldDescriptor? top = null, field = null;
        foreach (var part in path.Split('.'))
        {
            if (field is not null)
            {
                if (field.FieldType != FieldType.Message || field.IsRepeated || field.IsMap || IsWellKnown(field.MessageType)) return null;
                message = field.MessageType;
            }
            field = message.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == part || f.Name == part);
            if (field is null) return null;
            top ??= field;
        }
        if (field is null || (field.FieldType == FieldType.Message && !IsWellKnown(field.MessageType)) || field.IsMap) return null;
        return (top!, field);
    }

    private static IEnumerable<string> PathVariables(HttpRule rule) =>
        Regex.Matches(rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => rule.Get,
            HttpRule.PatternOneofCase.Post => rule.Post,
            HttpRule.PatternOneofCase.Put => rule.Put,
            HttpRule.PatternOneofCase.Patch => rule.Patch,
            HttpRule.PatternOneofCase.Delete => rule.Delete,
            _ => rule.Custom?.Path ?? "",
        }, @"\{([A-Za-z0-9_.]+)").Select(m => m.Groups[1].Value);

    private static bool IsWellKnown(MessageDescriptor message) => message.File.Package == "google.protobuf";

    private static string LowerCamelField(FieldDescriptor field) => field.JsonName;

    private static string Truncate(string? value) => value is null ? "" : value.Length > 40 ? value[..40] + "…" : value;
}
