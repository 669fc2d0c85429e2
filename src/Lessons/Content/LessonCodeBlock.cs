namespace Course.Lessons.Content;

/// <summary>A fenced C# block of a lesson.</summary>
/// <param name="Kind">Whether it is display-only or run.</param>
/// <param name="Code">The code, lines joined with <c>\n</c>, without a trailing newline.</param>
/// <param name="Line">1-based line of the opening fence in the lesson file.</param>
public sealed record LessonCodeBlock(CodeBlockKind Kind, string Code, int Line);
