namespace Course.Lessons.Content;

/// <summary>How a fenced C# block of a lesson is used.</summary>
public enum CodeBlockKind
{
    /// <summary><c>```csharp</c>: shown, and compiled on its own as a library by the tests; never run.</summary>
    Display,

    /// <summary><c>```csharp run</c>: top-level statements, run in order (a notebook cell; a statement of the .cs app).</summary>
    Run,

    /// <summary>
    /// <c>```csharp run types</c>: type declarations used by the run blocks. A notebook cell in place; in the
    /// .cs app they move after the statements, since C# wants top-level statements first.
    /// </summary>
    RunTypes,
}
