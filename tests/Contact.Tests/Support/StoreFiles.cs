using System.Text;

namespace Contact.Tests.Support;

/// <summary>Looks for plain text in every file of a data directory (store, log, backups).</summary>
public static class StoreFiles
{
    /// <summary>Fails when any of <paramref name="values"/> appears in UTF-8 or UTF-16 in any file under <paramref name="dataDirectory"/>.</summary>
    public static void AssertNoPlaintext(string dataDirectory, params string[] values)
    {
        var files = Directory.GetFiles(dataDirectory, "*", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var value in values)
            foreach (var encoding in new Encoding[] { Encoding.UTF8, Encoding.Unicode })
                Assert.True(bytes.AsSpan().IndexOf(encoding.GetBytes(value)) < 0, $"'{value}' appears as plain text in {Path.GetFileName(file)}.");
        }
    }
}
