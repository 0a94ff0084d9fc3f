using System.Text.Json.Nodes;
using Google.Api;
using Google.Protobuf.Reflection;

namespace Contact.Server.OpenApi;

/// <summary>
/// JSON Schemas (2020-12, as OpenAPI 3.1 uses them) of protobuf messages as the JSON transcoding
/// writes and reads them: the proto3 JSON mapping (lowerCamel names, enums by name, 64-bit integers
/// as strings, well-known types as their JSON forms). Every message reached is added to
/// <see cref="Components"/> under its full name; fields marked OUTPUT_ONLY are readOnly.
/// </summary>
public sealed class ProtoSchemas
{
    public JsonObject Components { get; } = new();

    /// <summary>A reference to the message's schema, adding it (and what it uses) when new.</summary>
    public JsonNode Ref(MessageDescriptor message)
    {
        if (WellKnown(message) is { } known) return known;
        var key = message.FullName;
        if (!Components.ContainsKey(key))
        {
            Components[key] = new JsonObject();   // placeholder first: messages may refer to themselves
            var properties = new JsonObject();
            foreach (var field in message.Fields.InDeclarationOrder())
                properties[field.JsonName] = Field(field);
            Components[key] = new JsonObject
            {
                ["type"] = "object",
                ["title"] = message.Name,
                ["properties"] = properties,
            };
        }
        return new JsonObject { ["$ref"] = $"#/components/schemas/{key}" };
    }

    /// <summary>The schema of one field's value, with readOnly for OUTPUT_ONLY and a note for REQUIRED.</summary>
    public JsonNode Field(FieldDescriptor field)
    {
        JsonNode schema;
        if (field.IsMap)
        {
            var value = field.MessageType.FindFieldByNumber(2);
            schema = new JsonObject { ["type"] = "object", ["additionalProperties"] = Single(value) };
        }
        else if (field.IsRepeated) schema = new JsonObject { ["type"] = "array", ["items"] = Single(field) };
        else schema = Single(field);

        var behaviors = field.GetOptions()?.GetExtension(FieldBehaviorExtensions.FieldBehavior) ?? [];
        var notes = new List<string>();
        if (behaviors.Contains(FieldBehavior.Required)) notes.Add("Required.");
        if (behaviors.Contains(FieldBehavior.OutputOnly)) notes.Add("Output only: set by the server.");
        if (behaviors.Contains(FieldBehavior.Immutable)) notes.Add("Immutable once set.");
        if (notes.Count == 0 && !behaviors.Contains(FieldBehavior.OutputOnly)) return schema;
        // A $ref cannot carry siblings in every tool: wrap it.
        var wrapped = schema is JsonObject o && o.ContainsKey("$ref") ? new JsonObject { ["allOf"] = new JsonArray(schema) } : (JsonObject)schema;
        if (notes.Count > 0) wrapped["description"] = string.Join(" ", notes);
        if (behaviors.Contains(FieldBehavior.OutputOnly)) wrapped["readOnly"] = true;
        return wrapped;
    }

    private JsonNode Single(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => new JsonObject { ["type"] = "integer", ["format"] = "int32" },
        FieldType.UInt32 or FieldType.Fixed32 => new JsonObject { ["type"] = "integer", ["format"] = "int32", ["minimum"] = 0 },
        // proto3 JSON writes 64-bit integers as strings (JavaScript numbers lose precision past 2^53).
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 or FieldType.UInt64 or FieldType.Fixed64 =>
            new JsonObject { ["type"] = "string", ["format"] = "int64" },
        FieldType.Double => new JsonObject { ["type"] = "number", ["format"] = "double" },
        FieldType.Float => new JsonObject { ["type"] = "number", ["format"] = "float" },
        FieldType.Bool => new JsonObject { ["type"] = "boolean" },
        FieldType.String => new JsonObject { ["type"] = "string" },
        FieldType.Bytes => new JsonObject { ["type"] = "string", ["contentEncoding"] = "base64" },
        FieldType.Enum => new JsonObject
        {
            ["type"] = "string",
            ["enum"] = new JsonArray(field.EnumType.Values.Select(v => (JsonNode)JsonValue.Create(v.Name)!).ToArray()),
        },
        FieldType.Message or FieldType.Group => Ref(field.MessageType),
        _ => new JsonObject(),
    };

    private static JsonObject? WellKnown(MessageDescriptor message) => message.FullName switch
    {
        "google.protobuf.Timestamp" => new JsonObject { ["type"] = "string", ["format"] = "date-time" },
        "google.protobuf.Duration" => new JsonObject { ["type"] = "string", ["pattern"] = @"^-?[0-9]+(\.[0-9]{1,9})?s$", ["examples"] = new JsonArray("3600s") },
        "google.protobuf.FieldMask" => new JsonObject { ["type"] = "string", ["description"] = "Comma-separated lowerCamel field paths." },
        "google.protobuf.Empty" => new JsonObject { ["type"] = "object" },
        "google.protobuf.Struct" => new JsonObject { ["type"] = "object" },
        "google.protobuf.Value" => new JsonObject(),
        "google.protobuf.Any" => new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["@type"] = new JsonObject { ["type"] = "string" } } },
        "google.protobuf.StringValue" => new JsonObject { ["type"] = new JsonArray("string", "null") },
        "google.protobuf.BoolValue" => new JsonObject { ["type"] = new JsonArray("boolean", "null") },
        "google.protobuf.Int32Value" or "google.protobuf.UInt32Value" => new JsonObject { ["type"] = new JsonArray("integer", "null") },
        "google.protobuf.Int64Value" or "google.protobuf.UInt64Value" => new JsonObject { ["type"] = new JsonArray("string", "null") },
        "google.protobuf.DoubleValue" or "google.protobuf.FloatValue" => new JsonObject { ["type"] = new JsonArray("number", "null") },
        _ => null,
    };
}
