using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.RegularExpressions;
using Contact.Server.Hosting;
using Contact.Server.OpenReferral;
using Google.Api;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Contact.Server.OpenApi;

/// <summary>
/// The OpenAPI 3.1 description of every HTTP route the server maps, generated from the endpoints
/// themselves: the transcoded RPCs from their protobuf descriptors and google.api.http rules (what
/// the JSON transcoding actually serves), the plain endpoints (the Open Referral feed, health,
/// metrics, this document) from their <see cref="HttpOperation"/> metadata. Generating it from the
/// endpoints means a new route cannot be missing from it.
/// </summary>
public static partial class OpenApiDescription
{
    public const string Route = "/openapi.json";
    public const string SecurityScheme = "apiKey";

    public static WebApplication MapOpenApiDescription(this WebApplication app)
    {
        // The application's own data sources: every route it maps, whatever the pipeline has built so far.
        var sources = ((IEndpointRouteBuilder)app).DataSources;
        app.MapGet(Route, (HttpRequest request) =>
                Results.Text(Build(sources.SelectMany(s => s.Endpoints), $"{request.Scheme}://{request.Host}{request.PathBase}").ToJsonString(Indented), "application/json"))
            .RequireCors(OpenReferralFeed.CorsPolicy)
            .WithHttpCaching(TimeSpan.FromMinutes(5))
            .WithOperation(new HttpOperation("getOpenApiDescription", "Operations", "This document",
                "The OpenAPI 3.1 description of every HTTP route: import it into Postman or a client generator.")
            { TextContentType = "application/json", Problems = false });
        return app;
    }

    /// <summary>
    /// Writes the document for the routes the server would map to standard output, without
    /// starting it or opening the store: what the CI lints.
    /// </summary>
    public static int Print(WebApplicationBuilder builder, string? server)
    {
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapContact();
        server ??= builder.Configuration["Kestrel:Endpoints:Http:Url"] ?? "http://127.0.0.1:5081";
        Console.Out.Write(Build(((IEndpointRouteBuilder)app).DataSources.SelectMany(s => s.Endpoints), server.TrimEnd('/')).ToJsonString(Indented));
        return 0;
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The document for these endpoints, served from <paramref name="server"/>.</summary>
    public static JsonObject Build(IEnumerable<Microsoft.AspNetCore.Http.Endpoint> endpoints, string server)
    {
        var schemas = new ProtoSchemas();
        var paths = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        var tags = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var endpoint in endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is { } transcoding)
            {
                var (path, method, operation) = Transcoded(transcoding.MethodDescriptor, transcoding.HttpRule, schemas);
                Add(paths, path, method, operation);
                tags.Add(transcoding.MethodDescriptor.Service.Name);
            }
            else if (endpoint.Metadata.GetMetadata<GrpcMethodMetadata>() is not null) continue;   // gRPC over HTTP/2, not a JSON route
            else if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods
                     // Health checks and metrics map every method; described, they are documented as GET.
                     || (endpoint.Metadata.GetMetadata<HttpOperation>() is not null && (methods = ["GET"]) is not null))
            {
                var described = endpoint.Metadata.GetMetadata<HttpOperation>();
                var path = OpenApiPath(endpoint.RoutePattern);
                foreach (var method in methods)
                    Add(paths, path, method.ToLowerInvariant(), Plain(endpoint.RoutePattern, described, schemas));
                tags.Add(described?.Tag ?? "Other");
            }
        }

        var components = new JsonObject
        {
            ["schemas"] = Merge(schemas.Components, CommonSchemas()),
            ["responses"] = CommonResponses(),
            ["securitySchemes"] = new JsonObject
            {
                [SecurityScheme] = new JsonObject
                {
                    ["type"] = "http",
                    ["scheme"] = "bearer",
                    ["bearerFormat"] = "Contact API key",
                    ["description"] = "An API key issued by NCT for one partner and role, sent as `authorization: Bearer <key>`. "
                        + "Every transcoded call is held to the same deny-by-default role table as gRPC, and audited.",
                },
            },
        };
        var pathsNode = new JsonObject();
        foreach (var (path, item) in paths) pathsNode[path] = item;
        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Contact: the register of accredited child contact centres",
                ["version"] = "v1",
                ["summary"] = "JSON over HTTP for partners without gRPC, and the open Open Referral UK 3.0 feed.",
                ["description"] = "The JSON face of the Contact API. Transcoded operations are the gRPC methods of package contact.v1 "
                    + "(same key, same access policy, same audit); refusals are google.rpc.Status JSON with an ErrorInfo naming the "
                    + "clause (policy 1.x / MOU 2.x.y) and, for bad fields, a BadRequest with lowerCamel field paths. The Open Referral UK "
                    + "feed is open (no key, CORS for any origin, rate limited per client address); its refusals are RFC 9457 problem details.",
                ["license"] = new JsonObject { ["name"] = "Open Government Licence v3.0", ["identifier"] = "OGL-UK-3.0" },
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = server, ["description"] = "This server" }),
            ["tags"] = new JsonArray(tags.Select(t => (JsonNode)new JsonObject { ["name"] = t, ["description"] = TagDescription(t) }).ToArray()),
            ["paths"] = pathsNode,
            ["components"] = components,
        };
    }

    private static void Add(SortedDictionary<string, JsonObject> paths, string path, string method, JsonObject operation)
    {
        if (!paths.TryGetValue(path, out var item)) paths[path] = item = new JsonObject();
        item[method] = operation;
    }

    // ---- Transcoded RPCs -------------------------------------------------------------------

    private static (string Path, string Method, JsonObject Operation) Transcoded(MethodDescriptor method, HttpRule rule, ProtoSchemas schemas)
    {
        var (verb, template) = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => ("get", rule.Get),
            HttpRule.PatternOneofCase.Post => ("post", rule.Post),
            HttpRule.PatternOneofCase.Put => ("put", rule.Put),
            HttpRule.PatternOneofCase.Patch => ("patch", rule.Patch),
            HttpRule.PatternOneofCase.Delete => ("delete", rule.Delete),
            HttpRule.PatternOneofCase.Custom => (rule.Custom.Kind.ToLowerInvariant(), rule.Custom.Path),
            _ => ("get", "/"),
        };
        var parameters = new JsonArray();
        var bound = new HashSet<string>(StringComparer.Ordinal);
        var path = TemplateVariable().Replace(template, m =>
        {
            var fieldPath = m.Groups["field"].Value;
            bound.Add(fieldPath.Split('.')[0]);
            var field = FindField(method.InputType, fieldPath);
            var pattern = m.Groups["pattern"].Success ? m.Groups["pattern"].Value : null;
            if (pattern is null)
            {
                var name = Camel(fieldPath);
                parameters.Add(PathParameter(name, field is null ? "" : $"The request's `{name}`.", field is null ? new JsonObject { ["type"] = "string" } : schemas.Field(field)));
                return "{" + name + "}";
            }
            // {name=centres/*}: the resource name's literal segments stay in the path, each * is a parameter.
            var segments = pattern.Split('/');
            for (var i = 0; i < segments.Length; i++)
            {
                if (segments[i] is not ("*" or "**")) continue;
                var parameter = i > 0 ? Singular(segments[i - 1]) + "Id" : Camel(fieldPath);
                parameters.Add(PathParameter(parameter,
                    $"Forms the request's `{Camel(fieldPath)}`: `{pattern.Replace("**", "{" + parameter + "}").Replace("*", "{" + parameter + "}")}`.",
                    new JsonObject { ["type"] = "string" }, "demo0001"));
                segments[i] = "{" + parameter + "}";
            }
            return string.Join('/', segments);
        });

        var operation = new JsonObject
        {
            ["operationId"] = $"{method.Service.Name}_{method.Name}",
            ["tags"] = new JsonArray(method.Service.Name),
            ["summary"] = Words(method.Name),
            ["description"] = $"The gRPC method `{method.FullName}`, transcoded to JSON.",
            ["security"] = new JsonArray(new JsonObject { [SecurityScheme] = new JsonArray() }),
        };
        if (rule.Body == "*")
        {
            operation["requestBody"] = Body(schemas.Ref(method.InputType));
        }
        else
        {
            if (rule.Body is { Length: > 0 } bodyField && method.InputType.FindFieldByName(bodyField) is { } body)
            {
                bound.Add(bodyField);
                operation["requestBody"] = Body(schemas.Field(body));
            }
            foreach (var field in method.InputType.Fields.InDeclarationOrder().Where(f => !bound.Contains(f.Name)))
                QueryParameters(field, "", parameters, schemas);
        }
        if (parameters.Count > 0) operation["parameters"] = parameters;

        var responses = new JsonObject
        {
            ["200"] = new JsonObject
            {
                ["description"] = $"The `{method.OutputType.Name}`.",
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schemas.Ref(method.OutputType) } },
            },
        };
        foreach (var code in new[] { "400", "401", "403", "404", "409", "429", "500", "503" })
            responses[code] = new JsonObject { ["$ref"] = "#/components/responses/RpcError" };
        operation["responses"] = responses;
        return (path, verb, operation);
    }

    /// <summary>Fields not in the path or body are query parameters: scalars, enums, repeated scalars, and sub-messages' fields as dotted paths.</summary>
    private static void QueryParameters(FieldDescriptor field, string prefix, JsonArray parameters, ProtoSchemas schemas)
    {
        var name = prefix + field.JsonName;
        if (field.FieldType == FieldType.Message)
        {
            if (field.IsRepeated || field.IsMap) return;   // not expressible in a query string
            var schema = schemas.Field(field);
            if (schema is JsonObject o && !o.ContainsKey("$ref") && !o.ContainsKey("allOf") && o["type"] is not null && o["type"]!.ToString() != "object")
            {
                parameters.Add(new JsonObject { ["name"] = name, ["in"] = "query", ["schema"] = schema });   // well-known scalar forms
                return;
            }
            foreach (var sub in field.MessageType.Fields.InDeclarationOrder())
                if (prefix.Count(c => c == '.') < 3) QueryParameters(sub, name + ".", parameters, schemas);
            return;
        }
        var parameter = new JsonObject { ["name"] = name, ["in"] = "query", ["schema"] = schemas.Field(field) };
        if (field.IsRepeated) { parameter["style"] = "form"; parameter["explode"] = true; }
        parameters.Add(parameter);
    }

    private static FieldDescriptor? FindField(MessageDescriptor message, string path)
    {
        FieldDescriptor? field = null;
        foreach (var part in path.Split('.'))
        {
            field = message.FindFieldByName(part);
            if (field is null) return null;
            if (field.FieldType == FieldType.Message) message = field.MessageType;
        }
        return field;
    }

    private static JsonObject PathParameter(string name, string description, JsonNode schema, string? example = null)
    {
        var parameter = new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true, ["description"] = description, ["schema"] = schema };
        if (example is not null) parameter["example"] = example;
        return parameter;
    }

    private static JsonObject Body(JsonNode schema) => new()
    {
        ["required"] = true,
        ["description"] = "proto3 JSON: lowerCamel field names, enums by name. Fields the message does not define are refused (400).",
        ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schema } },
    };

    // ---- Plain HTTP endpoints --------------------------------------------------------------

    private static JsonObject Plain(RoutePattern pattern, HttpOperation? described, ProtoSchemas schemas)
    {
        var path = OpenApiPath(pattern);
        var operation = new JsonObject
        {
            ["operationId"] = described?.OperationId ?? "get" + Regex.Replace(path, "[^A-Za-z0-9]+", "_").Trim('_'),
            ["tags"] = new JsonArray(described?.Tag ?? "Other"),
            ["summary"] = described?.Summary ?? path,
        };
        if (described?.Description is { } description) operation["description"] = description;
        operation["security"] = described is { Open: false }
            ? new JsonArray(new JsonObject { [SecurityScheme] = new JsonArray() })
            : new JsonArray();   // open: no key
        var parameters = new JsonArray();
        foreach (var p in pattern.Parameters)
        {
            var doc = described?.Parameters.FirstOrDefault(x => x.Name == p.Name && x.In == "path");
            parameters.Add(PathParameter(p.Name, doc?.Description ?? p.Name, new JsonObject { ["type"] = "string" }, doc?.Example?.ToString()));
        }
        foreach (var p in described?.Parameters.Where(x => x.In == "query") ?? [])
        {
            var schema = new JsonObject { ["type"] = p.Type };
            if (p.Format is not null) schema["format"] = p.Format;
            var parameter = new JsonObject { ["name"] = p.Name, ["in"] = "query", ["description"] = p.Description, ["schema"] = schema };
            if (p.Example is not null) parameter["example"] = JsonSerializer.SerializeToNode(p.Example);
            parameters.Add(parameter);
        }
        if (parameters.Count > 0) operation["parameters"] = parameters;

        var ok = new JsonObject { ["description"] = "OK." };
        if (described?.JsonResponse is { } type)
        {
            var key = SchemaKey(type);
            if (!schemas.Components.ContainsKey(key))
                schemas.Components[key] = Rebase(JsonSchemaExporter.GetJsonSchemaAsNode(OpenReferralFeed.Json, type, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true }),
                    $"#/components/schemas/{key}");
            var media = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = $"#/components/schemas/{key}" } };
            if (described.Example is { } example) media["example"] = JsonSerializer.SerializeToNode(example, OpenReferralFeed.Json);
            ok["content"] = new JsonObject { ["application/json"] = media };
        }
        else if (described?.TextContentType is { } contentType)
            ok["content"] = new JsonObject { [contentType] = new JsonObject { ["schema"] = new JsonObject { ["type"] = contentType.Contains("json") ? "object" : "string" } } };
        ok["headers"] = new JsonObject
        {
            ["ETag"] = new JsonObject { ["description"] = "A strong tag of the answer; send it back in If-None-Match to get 304.", ["schema"] = new JsonObject { ["type"] = "string" } },
        };
        var responses = new JsonObject { ["200"] = ok };
        if (described?.Problems ?? true)
        {
            responses["304"] = new JsonObject { ["description"] = "Not modified: the If-None-Match tag is current." };
            responses["400"] = new JsonObject { ["$ref"] = "#/components/responses/Problem" };
            if (pattern.Parameters.Count > 0) responses["404"] = new JsonObject { ["$ref"] = "#/components/responses/Problem" };
            responses["429"] = new JsonObject { ["$ref"] = "#/components/responses/TooManyRequests" };
        }
        operation["responses"] = responses;
        return operation;
    }

    /// <summary>The exporter's references are relative to its own root ("#/properties/…"): point them into the component.</summary>
    private static JsonNode Rebase(JsonNode node, string root)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList())
                {
                    if (key == "$ref" && value?.GetValue<string>() is { } target && target.StartsWith('#'))
                        o[key] = root + target[1..];
                    else if (value is not null) Rebase(value, root);
                }
                break;
            case JsonArray a:
                foreach (var item in a) if (item is not null) Rebase(item, root);
                break;
        }
        return node;
    }

    private static string OpenApiPath(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart l => l.Content,
            RoutePatternParameterPart v => "{" + v.Name + "}",
            RoutePatternSeparatorPart sep => sep.Content,
            _ => "",
        }))));

    private static string SchemaKey(Type type) =>
        "oruk." + (type.IsGenericType ? type.GetGenericArguments()[0].Name.Replace("Oruk", "") + "Page" : type.Name.Replace("Oruk", ""));

    // ---- Shared components -----------------------------------------------------------------

    private static JsonObject CommonSchemas() => new()
    {
        ["google.rpc.Status"] = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "A refusal of a transcoded call: the gRPC status as JSON. `details` carries a google.rpc.ErrorInfo "
                + "(reason, domain, and metadata.clause naming the rule: policy 1.x or MOU 2.x.y) on every refusal, and a "
                + "google.rpc.BadRequest with lowerCamel field paths when fields are at fault.",
            ["properties"] = new JsonObject
            {
                ["code"] = new JsonObject { ["type"] = "integer", ["description"] = "The gRPC status code (3 INVALID_ARGUMENT, 5 NOT_FOUND, 7 PERMISSION_DENIED, 9 FAILED_PRECONDITION, 16 UNAUTHENTICATED, …)." },
                ["message"] = new JsonObject { ["type"] = "string" },
                ["details"] = new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = new JsonObject
                    {
                        ["oneOf"] = new JsonArray(
                            new JsonObject { ["$ref"] = "#/components/schemas/google.rpc.ErrorInfo" },
                            new JsonObject { ["$ref"] = "#/components/schemas/google.rpc.BadRequest" }),
                    },
                },
            },
            ["required"] = new JsonArray("code", "message", "details"),
        },
        ["google.rpc.ErrorInfo"] = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "On every refusal: why (reason), whose (domain) and, when a rule refused, metadata.clause naming it.",
            ["properties"] = new JsonObject
            {
                ["@type"] = new JsonObject { ["const"] = "type.googleapis.com/google.rpc.ErrorInfo" },
                ["reason"] = new JsonObject { ["type"] = "string" },
                ["domain"] = new JsonObject { ["type"] = "string" },
                ["metadata"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "string" } },
            },
            ["required"] = new JsonArray("@type", "reason"),
        },
        ["google.rpc.BadRequest"] = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "The fields at fault, by their lowerCamel JSON paths (as in the request).",
            ["properties"] = new JsonObject
            {
                ["@type"] = new JsonObject { ["const"] = "type.googleapis.com/google.rpc.BadRequest" },
                ["fieldViolations"] = new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject { ["field"] = new JsonObject { ["type"] = "string" }, ["description"] = new JsonObject { ["type"] = "string" } },
                    },
                },
            },
            ["required"] = new JsonArray("@type"),
        },
        ["Problem"] = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "RFC 9457 problem details: the Open Referral feed's refusals and unknown routes.",
            ["properties"] = new JsonObject
            {
                ["type"] = new JsonObject { ["type"] = "string" },
                ["title"] = new JsonObject { ["type"] = "string" },
                ["status"] = new JsonObject { ["type"] = "integer" },
                ["detail"] = new JsonObject { ["type"] = "string" },
                ["errors"] = new JsonObject
                {
                    ["type"] = "object",
                    ["description"] = "Each query parameter at fault, by its name, with what is wrong.",
                    ["additionalProperties"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
                },
                ["clause"] = new JsonObject { ["type"] = "string", ["description"] = "The rule behind the refusal, when one is (e.g. policy 1.2)." },
                ["reason"] = new JsonObject { ["type"] = "string" },
                ["traceId"] = new JsonObject { ["type"] = "string" },
            },
            ["required"] = new JsonArray("title", "status"),
        },
    };

    private static JsonObject CommonResponses() => new()
    {
        ["RpcError"] = new JsonObject
        {
            ["description"] = "Refused: the HTTP status of the gRPC code (400 INVALID_ARGUMENT or FAILED_PRECONDITION, 401 UNAUTHENTICATED, "
                + "403 PERMISSION_DENIED, 404 NOT_FOUND, 409 ALREADY_EXISTS or ABORTED, 429 RESOURCE_EXHAUSTED, 500 INTERNAL, 503 UNAVAILABLE).",
            ["content"] = new JsonObject
            {
                ["application/json"] = new JsonObject
                {
                    ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/google.rpc.Status" },
                    ["example"] = JsonNode.Parse("""
                        { "code": 9, "message": "The parties must have consented to the checks (policy 1.8, Annex 1).",
                          "details": [
                            { "@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "CONSENT_REQUIRED",
                              "domain": "contact.cafcass.gov.uk", "metadata": { "clause": "Policy 1.8, Annex 1" } },
                            { "@type": "type.googleapis.com/google.rpc.BadRequest",
                              "fieldViolations": [ { "field": "partiesConsentedToChecks", "description": "must be true" } ] } ] }
                        """),
                },
            },
        },
        ["Problem"] = new JsonObject
        {
            ["description"] = "Refused or not found: RFC 9457 problem details.",
            ["content"] = new JsonObject
            {
                ["application/problem+json"] = new JsonObject
                {
                    ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Problem" },
                    ["example"] = JsonNode.Parse("""
                        { "type": "https://tools.ietf.org/html/rfc9110#section-15.5.1", "title": "One or more query parameters are not valid.",
                          "status": 400, "errors": { "minimum_age": [ "not supported: the register records no age limits" ] },
                          "reason": "INVALID_QUERY_PARAMETER" }
                        """),
                },
            },
        },
        ["TooManyRequests"] = new JsonObject
        {
            ["description"] = "Rate limited (per client address): try again after Retry-After seconds.",
            ["headers"] = new JsonObject { ["Retry-After"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "integer" } } },
        },
    };

    private static JsonObject Merge(JsonObject a, JsonObject b)
    {
        foreach (var (key, value) in b.ToList()) { b.Remove(key); a[key] = value; }
        return a;
    }

    private static string TagDescription(string tag) => tag switch
    {
        "Open Referral UK" => "The open Open Referral UK 3.0 feed of the accredited register (no key).",
        "Operations" => "Health, metrics and this document.",
        "Find a centre" => "The public find-a-centre pages (server-rendered HTML).",
        _ => $"Transcoded methods of contact.v1.{tag}.",
    };

    private static string Camel(string snake) =>
        string.Join('.', snake.Split('.').Select(part => string.Concat(part.Split('_').Select((w, i) => i == 0 ? w : w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]))));

    private static string Singular(string plural) => plural.EndsWith('s') ? plural[..^1] : plural;

    private static string Words(string pascal) => Regex.Replace(pascal, "(?<=[a-z])(?=[A-Z])", " ") is var s && s.Length > 0
        ? s[0] + s[1..].ToLowerInvariant()
        : pascal;

    [GeneratedRegex(@"\{(?<field>[A-Za-z0-9_.]+)(=(?<pattern>[^}]*))?\}")]
    private static partial Regex TemplateVariable();
}
