namespace Course.Grading.Compilation;

/// <summary>The outcome of compiling C# sources in memory.</summary>
public sealed class CompileResult
{
    internal CompileResult(byte[]? assembly, byte[]? pdb, IReadOnlyList<CompileDiagnostic> diagnostics, Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation)
    {
        Assembly = assembly;
        Pdb = pdb;
        Diagnostics = diagnostics;
        Compilation = compilation;
    }

    /// <summary>True when there are no errors and an assembly was emitted.</summary>
    public bool Success => Assembly is not null;

    /// <summary>The emitted assembly (deterministic: same sources give the same bytes), or null on failure.</summary>
    public byte[]? Assembly { get; }

    /// <summary>The portable PDB matching <see cref="Assembly"/>, or null on failure.</summary>
    public byte[]? Pdb { get; }

    /// <summary>Errors (C# and sandbox safety), sorted by file, line and column.</summary>
    public IReadOnlyList<CompileDiagnostic> Diagnostics { get; }

    /// <summary>The Roslyn compilation, for callers that inspect symbols (e.g. to find check methods).</summary>
    internal Microsoft.CodeAnalysis.CSharp.CSharpCompilation Compilation { get; }

    /// <summary>All diagnostics rendered with their source line and caret, separated by blank lines.</summary>
    /// <returns>The rendered diagnostics, ending with a line count summary.</returns>
    public string RenderDiagnostics()
    {
        var text = string.Join("\n\n", Diagnostics.Select(d => d.Render()));
        var errors = Diagnostics.Count(d => d.Severity == "error");
        return $"{text}\n\n{errors} error{(errors == 1 ? "" : "s")}";
    }
}
