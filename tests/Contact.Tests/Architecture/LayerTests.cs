using System.Text.RegularExpressions;
using Contact.Server.Storage;

namespace Contact.Tests.Architecture;

/// <summary>
/// The house plan (docs/architecture.md), checked on the compiled server: the domain is pure C#,
/// and Storage/ is the one seam to LiteDB. Namespaces follow folders (checked below), so a rule on
/// a namespace is a rule on a folder.
/// </summary>
public sealed partial class LayerTests
{
    private static readonly IReadOnlyDictionary<string, System.Collections.Immutable.ImmutableHashSet<string>> Server =
        AssemblyDependencies.Of(typeof(ContactStore).Assembly.Location);

    private const string Domain = "Contact.Server.Domain.";
    private const string Storage = "Contact.Server.Storage.";

    [Fact]
    public void The_domain_references_no_grpc_no_litedb_no_aspnetcore_and_not_the_wire_contract()
    {
        string[] banned = ["Grpc.", "LiteDB", "Microsoft.AspNetCore", "Contact.Protos", "Google.Protobuf"];
        var offences = Uses(t => t.StartsWith(Domain, StringComparison.Ordinal), a => banned.Any(b => a.StartsWith(b, StringComparison.Ordinal)));
        Assert.True(offences.Count == 0, "Domain/ must stay pure C#:\n" + string.Join("\n", offences));
    }

    [Fact]
    public void Only_storage_references_litedb()
    {
        var offences = Uses(t => !t.StartsWith(Storage, StringComparison.Ordinal), a => a == "LiteDB");
        Assert.True(offences.Count == 0, "Only Storage/ may use LiteDB; ask a repository instead:\n" + string.Join("\n", offences));
    }

    // The two rules above are only as good as the scanner: it must see what is plainly there.
    [Fact]
    public void The_scanner_sees_litedb_in_storage_grpc_in_the_services_and_the_contract_in_the_mapping()
    {
        Assert.Contains("LiteDB", Server["Contact.Server.Storage.ContactStore"]);
        Assert.Contains("LiteDB", Server["Contact.Server.Storage.RetentionQuery"]);              // only through a BsonExpression
        Assert.Contains("Grpc.Core.Api", Server["Contact.Server.Services.AuditService"]);        // ServerCallContext
        Assert.Contains("Contact.Protos", Server["Contact.Server.Services.ReferralMapping"]);
        Assert.DoesNotContain("LiteDB", Server["Contact.Server.Services.AuditService"]);
    }

    [Fact]
    public void Every_server_source_file_declares_the_namespace_of_its_folder()
    {
        var root = Path.Combine(ServerProcess.RepoRoot(), "server", "Contact.Server");
        var wrong = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file);
            if (relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal)) continue;
            var folder = Path.GetDirectoryName(relative)!;
            var expected = folder.Length == 0 ? null : "Contact.Server." + folder.Replace(Path.DirectorySeparatorChar, '.');
            var declared = FileNamespace().Match(File.ReadAllText(file)) is { Success: true } m ? m.Groups[1].Value : null;
            if (declared != expected) wrong.Add($"{relative}: namespace {declared ?? "(none)"}, expected {expected ?? "(none)"}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static List<string> Uses(Func<string, bool> types, Func<string, bool> assemblies) =>
        Server.Where(t => types(t.Key))
            .SelectMany(t => t.Value.Where(assemblies).Select(a => $"{t.Key} uses {a}"))
            .Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();
}
