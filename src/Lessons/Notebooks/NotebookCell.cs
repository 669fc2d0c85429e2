namespace Course.Lessons.Notebooks;

/// <summary>One cell of a generated notebook.</summary>
/// <param name="IsCode">True for a C# code cell, false for Markdown.</param>
/// <param name="Source">The cell text, lines joined with <c>\n</c>.</param>
/// <param name="IsTypes">For code: whether the cell holds type declarations (<c>csharp run types</c>).</param>
public sealed record NotebookCell(bool IsCode, string Source, bool IsTypes = false);
