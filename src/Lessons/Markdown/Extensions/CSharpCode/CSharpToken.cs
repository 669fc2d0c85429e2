namespace Course.Lessons.Markdown.Extensions.CSharpCode;

/// <summary>A run of C# source text of one kind.</summary>
/// <param name="Kind">What the text is.</param>
/// <param name="Start">Offset in the source.</param>
/// <param name="Length">Length in characters.</param>
internal readonly record struct CSharpToken(CSharpTokenKind Kind, int Start, int Length);
