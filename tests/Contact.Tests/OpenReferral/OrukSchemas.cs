using System.Text.Json;
using Json.Schema;

namespace Contact.Tests.OpenReferral;

/// <summary>The vendored Open Referral UK 3.0 schemas (Schemas/README.md), ready to evaluate with formats checked.</summary>
public sealed class OrukSchemas
{
    public static readonly OrukSchemas Instance = new();

    private readonly Dictionary<string, JsonSchema> _schemas = [];
    private readonly EvaluationOptions _options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private OrukSchemas()
    {
        var build = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var folder = Path.Combine(AppContext.BaseDirectory, "OpenReferral", "Schemas");
        // service.json first: service_at_location.json refers to it.
        foreach (var name in new[] { "service.json", "service_list.json", "service_at_location.json", "organization.json", "taxonomy_term.json", "taxonomy.json" })
            _schemas[name] = JsonSchema.FromFile(Path.Combine(folder, name), build);
        // ORUK 3.0 openapi.json, components.schemas.Page (commit 6eee0e49), with required added:
        // the profile lists the fields; the feed always sends them all.
        _schemas["page"] = JsonSchema.FromText("""
            { "type": "object",
              "properties": { "total_items": { "type": "integer" }, "total_pages": { "type": "integer" },
                "page_number": { "type": "integer" }, "size": { "type": "integer" }, "first_page": { "type": "boolean" },
                "last_page": { "type": "boolean" }, "empty": { "type": "boolean" }, "contents": { "type": "array" } },
              "required": ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"] }
            """, build);
    }

    /// <summary>The violations of <paramref name="instance"/> against a schema, one line each ("" when valid).</summary>
    public IReadOnlyList<string> Violations(string schema, JsonElement instance, string where)
    {
        var results = _schemas[schema].Evaluate(instance, _options);
        if (results.IsValid) return [];
        var lines = (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{where} {schema} {d.InstanceLocation}: {e.Key}: {e.Value}"))
            .ToList();
        return lines.Count > 0 ? lines : [$"{where} {schema}: invalid"];
    }
}
