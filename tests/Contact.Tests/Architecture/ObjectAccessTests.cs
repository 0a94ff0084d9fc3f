using System.Text.RegularExpressions;

namespace Contact.Tests.Architecture;

/// <summary>
/// Who may see or act on an object is decided in Security/ (the policy table, and one
/// <c>…Access</c> class per resource beside it, with the role sets of <c>RoleSets</c>); the services
/// ask it. So no server code outside Security/ asks a caller for its roles.
/// </summary>
public sealed class ObjectAccessTests
{
    private static readonly Regex AsksForRoles = new(@"\.Has(Any)?\(");

    [Fact]
    public void No_server_code_outside_security_decides_by_the_callers_roles()
    {
        var root = Path.Combine(ServerProcess.RepoRoot(), "server", "Contact.Server");
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "Security" or "obj" or "bin") continue;
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
                if (AsksForRoles.IsMatch(lines[i])) found.Add($"{relative}:{i + 1}: {lines[i].Trim()}");
        }
        Assert.True(found.Count == 0, "Ask the resource's Security/…Access class instead:\n" + string.Join("\n", found));
    }

    // The scan must see the checks it is there to keep out of the services.
    [Theory]
    [InlineData("if (!caller.Principal.Has(Role.NctOperator) && caller.Principal.CentreId != centreId)", true)]
    [InlineData("var ownOnly = !caller.Principal.HasAny(Role.NctOperator, Role.Auditor);", true)]
    [InlineData("GrantAccess.CheckApplyFor(caller.Principal, centreId!);", false)]
    [InlineData("var hash = HashSecret(secret);", false)]
    public void The_scan_sees_a_role_check(string line, bool check) => Assert.Equal(check, AsksForRoles.IsMatch(line));
}
