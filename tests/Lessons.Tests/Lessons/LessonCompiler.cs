using System.Reflection;
using System.Runtime.Loader;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Course.Lessons.Tests.Lessons;

/// <summary>Compiles lesson C# with Roslyn against .NET 10 and the course assemblies, as an SDK project would.</summary>
internal static class LessonCompiler
{
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
    {
        var course = Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Where(f => Path.GetFileName(f) is var n && (n.StartsWith("Course.Lambda", StringComparison.Ordinal)
                || n.StartsWith("Course.Sandbox", StringComparison.Ordinal) || n == "Course.Lessons.dll" || n.StartsWith("AWSSDK.", StringComparison.Ordinal)))
            .Where(f => !f.EndsWith(".Tests.dll", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f));
        return [.. Net100.References.All, .. course];
    });

    /// <summary>Compiles source files; returns the assembly bytes and every error or warning, formatted.</summary>
    public static (byte[]? Image, IReadOnlyList<string> Problems) Compile(string name, OutputKind kind, params (string Path, string Code)[] sources)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Code, parse, s.Path))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, parse, "GlobalUsings.g.cs"));
        var compilation = CSharpCompilation.Create(name, trees, References.Value,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));
        using var image = new MemoryStream();
        var emit = compilation.Emit(image);
        var problems = emit.Diagnostics
            .Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)
            .Select(d => d.ToString())
            .ToList();
        return (emit.Success ? image.ToArray() : null, problems);
    }

    /// <summary>Runs a console assembly's entry point in a collectible load context and waits for it.</summary>
    public static void Run(byte[] image)
    {
        var context = new AssemblyLoadContext("lesson-run", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(image));
            var entry = assembly.EntryPoint ?? throw new InvalidOperationException("The program has no entry point.");
            var result = entry.GetParameters().Length == 0 ? entry.Invoke(null, null) : entry.Invoke(null, [Array.Empty<string>()]);
            if (result is Task task)
            {
                task.GetAwaiter().GetResult();
            }
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw new InvalidOperationException("The lesson program threw: " + ex.InnerException, ex.InnerException);
        }
        finally
        {
            context.Unload();
        }
    }
}
