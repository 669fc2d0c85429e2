namespace Course.Grading.Compilation;

/// <summary>One C# source file handed to the compiler: the path shown in diagnostics and its text.</summary>
/// <param name="Path">The path shown in diagnostics (relative to the current directory when possible, '/' separated).</param>
/// <param name="Text">The file's full text.</param>
public sealed record SourceFile(string Path, string Text)
{
    /// <summary>Reads a file from disk (read only: learner files are never written).</summary>
    /// <param name="fullPath">The file to read.</param>
    /// <param name="displayPath">The path to show in diagnostics; defaults to <paramref name="fullPath"/>.</param>
    /// <returns>The source file.</returns>
    public static SourceFile Read(string fullPath, string? displayPath = null) =>
        new((displayPath ?? fullPath).Replace('\\', '/'), File.ReadAllText(fullPath));
}
