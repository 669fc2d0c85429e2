using System.Collections.Immutable;
using System.Text;
using Course.Grading.Compilation.Safety;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace Course.Grading.Compilation;

/// <summary>
/// Compiles C# sources into an in-memory assembly and portable PDB with Roslyn. Deterministic: the same
/// sources always give the same bytes. Reference sets are built once per process and reused, so every
/// compile after the first is warm.
/// </summary>
public sealed class SourceCompiler
{
    /// <summary>The global usings the .NET SDK adds to a class library (ImplicitUsings), added to every compile.</summary>
    internal const string ImplicitUsings =
        "global using System;\nglobal using System.Collections.Generic;\nglobal using System.IO;\nglobal using System.Linq;\n" +
        "global using System.Net.Http;\nglobal using System.Threading;\nglobal using System.Threading.Tasks;\n";

    private const string ImplicitUsingsPath = "<implicit-usings>.g.cs";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

    private static readonly CSharpCompilationOptions Options = new(
        OutputKind.DynamicallyLinkedLibrary,
        optimizationLevel: OptimizationLevel.Debug,
        allowUnsafe: false,
        nullableContextOptions: NullableContextOptions.Enable,
        deterministic: true,
        concurrentBuild: false);

    private static readonly Lazy<SyntaxTree> ImplicitUsingsTree = new(() =>
        CSharpSyntaxTree.ParseText(SourceText.From(ImplicitUsings, Encoding.UTF8), ParseOptions, ImplicitUsingsPath));

    /// <summary>
    /// Compiles a learner's handler files against .NET, Course.Lambda and the AWS SDK, and applies the
    /// sandbox safety rules (banned APIs are errors SBX001–SBX007).
    /// </summary>
    /// <param name="files">The learner's files.</param>
    /// <param name="assemblyName">The assembly name to emit.</param>
    /// <returns>The result; on failure <see cref="CompileResult.Assembly"/> is null and the diagnostics say why.</returns>
    public CompileResult CompileLearner(IReadOnlyList<SourceFile> files, string assemblyName = "Learner") =>
        Compile(files, assemblyName, ReferenceCatalog.Learner, applySafety: true);

    /// <summary>Whether learner code is rewritten onto the virtual clock (see <see cref="VirtualTimeRewriter"/>). <value>The default is true.</value></summary>
    internal static bool RewriteLearnerTime { get; set; } = true;

    /// <summary>Compiles learner files, optionally without the safety rules (tests of the worker's containment).</summary>
    internal CompileResult CompileLearner(IReadOnlyList<SourceFile> files, bool applySafety, string assemblyName = "Learner") =>
        Compile(files, assemblyName, ReferenceCatalog.Learner, applySafety);

    /// <summary>Compiles an exercise's checks against the learner set plus the grader's check API and the engine.</summary>
    /// <param name="files">The checks files.</param>
    /// <param name="assemblyName">The assembly name to emit.</param>
    /// <returns>The result.</returns>
    public CompileResult CompileChecks(IReadOnlyList<SourceFile> files, string assemblyName = "Checks") =>
        Compile(files, assemblyName, ReferenceCatalog.Checks, applySafety: false);

    private static CompileResult Compile(IReadOnlyList<SourceFile> files, string assemblyName, ImmutableArray<MetadataReference> references, bool applySafety)
    {
        ArgumentNullException.ThrowIfNull(files);
        var trees = new List<SyntaxTree>(files.Count + 1) { ImplicitUsingsTree.Value };
        var texts = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var text = SourceText.From(file.Text, Encoding.UTF8);
            texts[file.Path] = text;
            trees.Add(CSharpSyntaxTree.ParseText(text, ParseOptions, file.Path));
        }

        var compilation = CSharpCompilation.Create(assemblyName, trees, references, Options);
        var diagnostics = new List<CompileDiagnostic>();
        var hasUnsafeSafetyError = false;
        if (applySafety)
        {
            var safety = SafetyAnalyzer.Analyze(compilation, trees.Skip(1));
            hasUnsafeSafetyError = safety.Any(d => d.Id == SafetyAnalyzer.UnsafeCodeId);
            diagnostics.AddRange(safety.Select(d => ToDiagnostic(d, texts)));
        }

        byte[]? assembly = null;
        byte[]? pdb = null;
        if (diagnostics.Count == 0)
        {
            using var peStream = new MemoryStream();
            using var pdbStream = new MemoryStream();
            // Learner code compiled cleanly as written (its diagnostics are about its own text); what is emitted is the
            // same code with time, blocking waits and environment variables routed to the simulation.
            var emitted = applySafety && RewriteLearnerTime ? VirtualTimeRewriter.Rewrite(compilation, trees.Skip(1)) : compilation;
            var emitOptions = new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb);
            var emit = emitted.Emit(peStream, pdbStream, options: emitOptions);
            if (!emit.Success && !ReferenceEquals(emitted, compilation))
            {
                // A rewrite the compiler rejects is the sandbox's bug, not the learner's: emit the code as written.
                peStream.SetLength(0);
                pdbStream.SetLength(0);
                emit = compilation.Emit(peStream, pdbStream, options: emitOptions);
            }
            AddCompilerErrors(emit.Diagnostics, diagnostics, texts, hasUnsafeSafetyError);
            if (emit.Success)
            {
                assembly = peStream.ToArray();
                pdb = pdbStream.ToArray();
            }
        }
        else
        {
            AddCompilerErrors(compilation.GetDiagnostics(), diagnostics, texts, hasUnsafeSafetyError);
        }

        diagnostics.Sort(static (a, b) =>
        {
            var byPath = string.CompareOrdinal(a.Path, b.Path);
            if (byPath != 0)
            {
                return byPath;
            }
            if (a.Line != b.Line)
            {
                return a.Line.CompareTo(b.Line);
            }
            if (a.Column != b.Column)
            {
                return a.Column.CompareTo(b.Column);
            }
            return string.CompareOrdinal(a.Id, b.Id);
        });
        return new CompileResult(diagnostics.Count == 0 ? assembly : null, diagnostics.Count == 0 ? pdb : null, diagnostics, compilation);
    }

    private static void AddCompilerErrors(ImmutableArray<Diagnostic> source, List<CompileDiagnostic> into, Dictionary<string, SourceText> texts, bool suppressUnsafe)
    {
        foreach (var diagnostic in source)
        {
            if (diagnostic.Severity != DiagnosticSeverity.Error)
            {
                continue;
            }

            // CS0227 (unsafe code needs /unsafe) is replaced by the sandbox's own SBX006 with a fix hint.
            if (suppressUnsafe && diagnostic.Id == "CS0227")
            {
                continue;
            }

            into.Add(ToDiagnostic(diagnostic, texts));
        }
    }

    private static CompileDiagnostic ToDiagnostic(Diagnostic diagnostic, Dictionary<string, SourceText> texts)
    {
        var severity = diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        if (!diagnostic.Location.IsInSource)
        {
            return new CompileDiagnostic("<compilation>", 1, 1, severity, diagnostic.Id, message, "");
        }

        var span = diagnostic.Location.GetLineSpan();
        var line = span.StartLinePosition.Line;
        var sourceLine = "";
        if (texts.TryGetValue(span.Path, out var text) && line < text.Lines.Count)
        {
            sourceLine = text.Lines[line].ToString();
        }

        return new CompileDiagnostic(span.Path, line + 1, span.StartLinePosition.Character + 1, severity, diagnostic.Id, message, sourceLine);
    }
}
