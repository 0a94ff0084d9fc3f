using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Contact.Tests.Architecture;

/// <summary>
/// One type per file, named after it: every top-level type of the server and the admin console
/// lives in <c>Type.cs</c> (a partial type may go on in <c>Type.Part.cs</c>; a generic
/// <c>Type&lt;T&gt;</c> is <c>Type.cs</c>), so a type is found by its name. Nested types stay with
/// their outer type, and a <c>file</c>-scoped helper stays in the one file that can use it.
/// Read from the sources with Roslyn, so a type in a comment or a string does not count.
/// </summary>
public sealed class TypeFileTests
{
    private static readonly string[] Projects = [Path.Combine("server", "Contact.Server"), Path.Combine("admin-tui", "Contact.Admin")];

    [Fact]
    public void Every_top_level_type_lives_in_a_file_named_after_it()
    {
        var offences = Offences().ToList();
        Assert.True(offences.Count == 0,
            "Move each type into its own file, named after it (Type.cs, or Type.Part.cs for a partial):\n" + string.Join("\n", offences));
    }

    // The rule is only as good as the parse: it must see what is plainly there.
    [Theory]
    [InlineData("Thing.cs", "namespace N; public sealed class Thing; public enum Colour { Red }", "Colour")]
    [InlineData("Thing.cs", "namespace N { internal interface IThing { } record struct Thing; }", "IThing")]
    [InlineData("Thing.cs", "namespace N; public delegate void Handler(); static class Thing { }", "Handler")]
    [InlineData("Things.cs", "namespace N; public record Thing(int A);", "Thing")]
    [InlineData("Thing.Part.cs", "namespace N; partial class Thing { } class Other { }", "Other")]
    [InlineData("Thing.cs", "namespace N; public sealed class Thing<T> { public sealed class Nested { } }", "")]
    [InlineData("Thing.Part.cs", "namespace N; public partial class Thing { }", "")]
    [InlineData("Thing.cs", "namespace N; class Thing { } file sealed class Helper { }", "")]
    [InlineData("Thing.cs", "namespace N; // class Other { }\nclass Thing { const string S = \"class Other { }\"; }", "")]
    public void The_parse_sees_each_top_level_type_not_named_after_its_file(string file, string source, string misplaced) =>
        Assert.Equal(misplaced, string.Join(",", Misplaced(file, source)));

    private static IEnumerable<string> Offences()
    {
        var repo = ServerProcess.RepoRoot();
        foreach (var project in Projects)
        {
            var root = Path.Combine(repo, project);
            foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var top = Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar)[0];
                if (top is "obj" or "bin" or "node_modules") continue;
                foreach (var type in Misplaced(Path.GetFileName(file), File.ReadAllText(file)))
                    yield return $"{Path.GetRelativePath(repo, file)}: {type}";
            }
        }
    }

    /// <summary>The top-level types of a source file that are not named after it.</summary>
    internal static IEnumerable<string> Misplaced(string fileName, string source)
    {
        var owner = fileName.Split('.')[0];
        var root = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot();
        return root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .OfType<MemberDeclarationSyntax>()
            .Where(m => !m.Modifiers.Any(SyntaxKind.FileKeyword))
            .Select(m => m switch
            {
                BaseTypeDeclarationSyntax t => t.Identifier.Text,
                DelegateDeclarationSyntax d => d.Identifier.Text,
                _ => null,
            })
            .Where(name => name is not null && name != owner)
            .Select(name => name!);
    }
}
