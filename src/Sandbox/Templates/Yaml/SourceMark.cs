namespace Course.Sandbox.Templates.Yaml;

/// <summary>Where a template node came from: file, 1-based line and column. <see cref="None"/> for generated nodes.</summary>
/// <param name="File">The template file's path as given.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct SourceMark(string File, int Line, int Column)
{
    /// <summary>The mark of a node the transform generated (no place in any file).</summary>
    public static SourceMark None { get; } = new("", 0, 0);

    /// <summary>True when the node has a place in a file.</summary>
    public bool IsKnown => Line > 0;

    /// <summary><c>file:line:col</c>, or the file alone when the place is unknown.</summary>
    public override string ToString() => IsKnown ? $"{File}:{Line}:{Column}" : File;
}
