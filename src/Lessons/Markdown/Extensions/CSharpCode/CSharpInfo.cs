using Course.Lessons.Content;

namespace Course.Lessons.Markdown.Extensions.CSharpCode;

/// <summary>Reads the info string of a fenced C# block: <c>csharp</c>, <c>csharp run</c>, <c>csharp run types</c>.</summary>
public static class CSharpInfo
{
    /// <summary>The accepted forms, for error messages.</summary>
    public const string Forms = "'```csharp' (shown and compiled), '```csharp run' (statements, executed) or '```csharp run types' (type declarations the run blocks use)";

    /// <summary>Whether a fence's language is C# (<c>csharp</c>).</summary>
    /// <param name="info">The first word of the info string.</param>
    /// <returns>True for <c>csharp</c>.</returns>
    public static bool IsCSharp(string? info) => string.Equals(info, "csharp", StringComparison.Ordinal);

    /// <summary>The kind a C# block's arguments select, or <see langword="null"/> when they are not understood.</summary>
    /// <param name="arguments">The info string after the language.</param>
    /// <returns>The kind, or null.</returns>
    public static CodeBlockKind? KindOf(string? arguments) => (arguments ?? string.Empty).Trim() switch
    {
        "" => CodeBlockKind.Display,
        "run" => CodeBlockKind.Run,
        "run types" => CodeBlockKind.RunTypes,
        _ => null,
    };
}
