namespace Contact.Admin;

/// <summary>Files the console writes for the operator: an existing file is replaced only when they say so.</summary>
public static class Exports
{
    /// <summary>
    /// Runs <paramref name="write"/> at once when nothing is at <paramref name="path"/>; otherwise asks
    /// "Replace …?" with Keep focused, and runs it (told to replace) only on Replace. Keep writes nothing.
    /// </summary>
    public static void AskBeforeReplacing(MainWindow shell, string path, Action<bool> write)
    {
        if (!File.Exists(path)) { write(false); return; }
        shell.Confirm("Replace file",
            $"Replace {Path.GetFileName(path)}?\n\n{path} already exists. Replacing it loses what it holds now; " +
            "Keep leaves it as it is and writes nothing.",
            "Replace", () => write(true));
    }

    /// <summary>
    /// Opens the file to write. Unless the operator chose to replace it, a file that appeared since
    /// they were asked is left alone (the write fails and says so).
    /// </summary>
    public static FileStream Open(string path, bool replace) =>
        new(path, replace ? FileMode.Create : FileMode.CreateNew, FileAccess.Write, FileShare.None);
}
