using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Course.Cli.Repl;

/// <summary>
/// One C# scripting session (Microsoft.CodeAnalysis.CSharp.Scripting) with the engine, the Lambda contract types and
/// the lesson helpers (<c>Show.*</c>, printed as text) referenced and imported. Each submission continues the state
/// of the previous ones, as a notebook's cells do. Errors come back as file-less <c>(line,col): error CS…</c> lines.
/// </summary>
internal sealed class ReplSession
{
    /// <summary>The namespaces every session imports.</summary>
    public static readonly string[] Imports =
    [
        "System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Text.Json", "System.Threading.Tasks",
        "Course.Sandbox", "Course.Sandbox.Functions", "Course.Sandbox.Hosting", "Course.Sandbox.Invocation",
        "Course.Lambda.Core", "Course.Lessons.Display",
    ];

    private static readonly Lazy<ScriptOptions> Options = new(CreateOptions);
    private ScriptState<object?>? _state;

    /// <summary>Whether the code is a complete submission (a statement or expression that can run as it is).</summary>
    /// <param name="code">The code typed so far.</param>
    /// <returns>True when complete.</returns>
    public static bool IsComplete(string code) =>
        SyntaxFactory.IsCompleteSubmission(CSharpSyntaxTree.ParseText(code, CSharpParseOptions.Default.WithKind(SourceCodeKind.Script).WithLanguageVersion(LanguageVersion.Preview)));

    /// <summary>Runs one submission.</summary>
    /// <param name="code">The code.</param>
    /// <param name="cancellationToken">Cancels the run (Ctrl+C).</param>
    /// <returns>The outcome.</returns>
    public async Task<ReplResult> SubmitAsync(string code, CancellationToken cancellationToken)
    {
        try
        {
            _state = _state is null
                ? await CSharpScript.RunAsync<object?>(code, Options.Value, cancellationToken: cancellationToken).ConfigureAwait(false)
                : await _state.ContinueWithAsync<object?>(code, Options.Value, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (_state.Exception is { } thrown)
            {
                return ReplResult.Failed([$"{thrown.GetType().Name}: {thrown.Message}"]);
            }

            return ReplResult.Ok(_state.ReturnValue is null ? null : Format(_state.ReturnValue));
        }
        catch (CompilationErrorException e)
        {
            return ReplResult.Failed(e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(FormatDiagnostic).ToList());
        }
        catch (OperationCanceledException)
        {
            return ReplResult.Failed(["cancelled"]);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The learner's code threw: report it as the REPL's answer, keep the session.
            return ReplResult.Failed([$"{e.GetType().Name}: {e.Message}"]);
        }
    }

    /// <summary>
    /// The names that complete the word at <paramref name="position"/>: after a dot, the members of what is left of it
    /// (an instance's members with extension methods, a type's static members, a namespace's types and namespaces);
    /// otherwise every name in scope there — locals and variables of earlier submissions, the imported namespaces' types,
    /// keywords excluded. Found by symbol lookup on the submission's compilation (it continues this session's state).
    /// </summary>
    /// <param name="code">The submission typed so far (every line of it).</param>
    /// <param name="position">The cursor's offset in <paramref name="code"/>.</param>
    /// <returns>The completion (no names when nothing fits or the code cannot be bound).</returns>
    public ReplCompletion Complete(string code, int position)
    {
        ArgumentNullException.ThrowIfNull(code);
        position = Math.Clamp(position, 0, code.Length);
        var start = position;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_'))
        {
            start--;
        }

        var prefix = code[start..position];
        try
        {
            var script = _state is null ? CSharpScript.Create(code, Options.Value) : _state.Script.ContinueWith(code, Options.Value);
            var compilation = script.GetCompilation();
            var tree = compilation.SyntaxTrees.Last();
            var model = compilation.GetSemanticModel(tree);
            var symbols = LookUp(model, tree, start);
            var names = symbols
                .Where(s => s.CanBeReferencedByName && !s.IsImplicitlyDeclared && s.Name.StartsWith(prefix, StringComparison.Ordinal))
                .Select(s => s.Name)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();
            return new ReplCompletion(start, prefix, names);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return new ReplCompletion(start, prefix, []);
        }
    }

    private static IEnumerable<ISymbol> LookUp(SemanticModel model, SyntaxTree tree, int start)
    {
        var root = tree.GetRoot();
        var dot = start > 0 ? root.FindToken(start - 1) : default;
        if (dot.IsKind(SyntaxKind.DotToken) && dot.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access)
        {
            var left = access.Expression;
            var symbol = model.GetSymbolInfo(left).Symbol;
            switch (symbol)
            {
                case INamespaceSymbol ns:
                    return model.LookupNamespacesAndTypes(start, ns);
                case INamedTypeSymbol type:
                    return model.LookupStaticMembers(start, type);
            }

            return model.GetTypeInfo(left).Type is { TypeKind: not TypeKind.Error } instance
                ? model.LookupSymbols(start, instance, includeReducedExtensionMethods: true).Where(s => !s.IsStatic || s is IMethodSymbol { MethodKind: MethodKind.ReducedExtension })
                : [];
        }

        return model.LookupSymbols(start);
    }

    /// <summary>A diagnostic as <c>(line,col): error CS0103: …</c>, without a file name.</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <returns>The text.</returns>
    public static string FormatDiagnostic(Diagnostic diagnostic)
    {
        var position = diagnostic.Location.GetLineSpan().StartLinePosition;
        return string.Create(CultureInfo.InvariantCulture,
            $"({position.Line + 1},{position.Character + 1}): {diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
    }

    /// <summary>A value as the REPL prints it: the engine's text display (<see cref="Course.Lessons.Display.ShowFormatters"/>) when it has one.</summary>
    private static string? Format(object? value) => Course.Lessons.Display.ShowFormatters.Text(value) ?? value switch
    {
        null => "null",
        string s => System.Text.Json.JsonSerializer.Serialize(s),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static ScriptOptions CreateOptions()
    {
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var course = Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Where(f => Path.GetFileName(f) is var n && (n is "Course.Sandbox.dll" or "Course.Lambda.dll" or "Course.Lessons.dll" || n.StartsWith("AWSSDK.", StringComparison.Ordinal)));
        var references = platform.Concat(course)
            .Where(File.Exists)
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(f => MetadataReference.CreateFromFile(f))
            .ToImmutableArray();
        return ScriptOptions.Default
            .WithReferences(references)
            .WithImports(Imports)
            .WithLanguageVersion(LanguageVersion.Preview)
            .WithAllowUnsafe(false)
            .WithEmitDebugInformation(false);
    }
}
