using System.Text;
using System.Text.RegularExpressions;

namespace Contact.Tests.Docs;

/// <summary>
/// README.md is an index into docs/: every relative link there and in docs/ must reach a file, and
/// a link with a #fragment must reach a heading of that file (GitHub's anchor rules).
/// </summary>
public partial class DocumentationLinksTests
{
    [Fact]
    public void Every_relative_link_in_the_readme_and_docs_resolves()
    {
        var root = ServerProcess.RepoRoot();
        var pages = new[] { Path.Combine(root, "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories));

        var broken = pages.SelectMany(p => MarkdownLinks.Broken(p, root)).ToList();

        Assert.True(broken.Count == 0, "Broken links:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void The_readme_stays_an_index_of_at_most_250_lines()
    {
        var lines = File.ReadAllLines(Path.Combine(ServerProcess.RepoRoot(), "README.md")).Length;
        Assert.True(lines <= 250, $"README.md has {lines} lines; move the detail into docs/.");
    }

    // The checker itself must catch what it is for, or the test above proves nothing.
    [Fact]
    public void The_checker_reports_a_missing_file_and_a_missing_heading_but_not_links_in_code()
    {
        var dir = Directory.CreateTempSubdirectory("contact-links-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "other.md"), "# Other page\n\n## Roles and `keys` (MOU 2.3.3)\n");
            var page = Path.Combine(dir.FullName, "page.md");
            File.WriteAllText(page, """
                # Page
                [ok](other.md) [ok heading](other.md#roles-and-keys-mou-233) [self](#page) [web](https://example.org/x)
                [gone](missing.md) [no heading](other.md#no-such-heading)
                `[in code](missing-too.md)`

                ```
                [in a fence](missing-three.md)
                ```
                """);

            var broken = MarkdownLinks.Broken(page, dir.FullName);

            Assert.Equal(2, broken.Count);
            Assert.Contains(broken, b => b.Contains("missing.md"));
            Assert.Contains(broken, b => b.Contains("#no-such-heading"));
        }
        finally { dir.Delete(recursive: true); }
    }
}

/// <summary>Finds the relative links of a Markdown page that reach no file or no heading.</summary>
public static partial class MarkdownLinks
{
    public static List<string> Broken(string page, string root)
    {
        var broken = new List<string>();
        var lines = File.ReadAllLines(page);
        var inFence = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal)) { inFence = !inFence; continue; }
            if (inFence) continue;
            var text = InlineCode().Replace(lines[i], "");
            foreach (Match m in Link().Matches(text))
            {
                var target = m.Groups["target"].Value;
                if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal)) continue;
                var hash = target.IndexOf('#');
                var file = hash < 0 ? target : target[..hash];
                var fragment = hash < 0 ? null : target[(hash + 1)..];
                var path = file.Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(file)));
                var where = $"{Path.GetRelativePath(root, page)}:{i + 1}: {target}";
                if (!File.Exists(path) && !Directory.Exists(path)) broken.Add(where + " (no such file)");
                else if (fragment is not null && (!path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || !Anchors(path).Contains(fragment)))
                    broken.Add(where + " (no such heading)");
            }
        }
        return broken;
    }

    /// <summary>GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered.</summary>
    public static HashSet<string> Anchors(string page)
    {
        var anchors = new HashSet<string>();
        var seen = new Dictionary<string, int>();
        var inFence = false;
        foreach (var line in File.ReadLines(page))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) { inFence = !inFence; continue; }
            var heading = inFence ? null : Heading().Match(line);
            if (heading is null || !heading.Success) continue;
            var slug = new StringBuilder();
            foreach (var c in heading.Groups["text"].Value.Trim().ToLowerInvariant())
                if (char.IsLetterOrDigit(c) || c is '-' or '_') slug.Append(c);
                else if (c == ' ') slug.Append('-');
            var s = slug.ToString();
            var n = seen.GetValueOrDefault(s);
            seen[s] = n + 1;
            anchors.Add(n == 0 ? s : $"{s}-{n}");
        }
        return anchors;
    }

    [GeneratedRegex(@"\[[^\]]*\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*#*\s*$")]
    private static partial Regex Heading();
}
