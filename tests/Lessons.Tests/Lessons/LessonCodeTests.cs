using Course.Lessons.Content;
using Course.Lessons.Notebooks;
using Microsoft.CodeAnalysis;

namespace Course.Lessons.Tests.Lessons;

/// <summary>STYLE point 12: every C# block of every lesson compiles, and the runnable ones run.</summary>
[Collection(ShowCollection.Name)]
public sealed class LessonCodeTests
{
    public static TheoryData<string> LessonIds()
    {
        var data = new TheoryData<string>();
        foreach (var lesson in LessonLoader.LoadAll(TestPaths.Course.Lessons))
        {
            data.Add(lesson.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LessonIds))]
    public void DisplayBlocks_EachCompilesAlone_WithoutErrorsOrWarnings(string id)
    {
        var lesson = Load(id);
        foreach (var block in lesson.CodeBlocks.Where(b => b.Kind == CodeBlockKind.Display))
        {
            var (_, problems) = LessonCompiler.Compile($"{id}-line{block.Line}", OutputKind.DynamicallyLinkedLibrary,
                ($"lessons/{id}.md(block at line {block.Line})", block.Code));
            Assert.True(problems.Count == 0, $"lessons/{id}.md:{block.Line}: the ```csharp block does not compile cleanly:\n" + string.Join('\n', problems));
        }
    }

    [Theory]
    [MemberData(nameof(LessonIds))]
    public void RunBlocks_AsFileBasedApp_CompileAndRun(string id)
    {
        var script = NotebookGenerator.Generate(Load(id)).Script;
        var code = string.Join('\n', script.Split('\n').Select(l => l.StartsWith("#:", StringComparison.Ordinal) ? "//" + l : l));

        var (image, problems) = LessonCompiler.Compile(id, OutputKind.ConsoleApplication, ($"notebooks/{id}.cs", code));

        Assert.True(image is not null && problems.Count == 0, $"notebooks/{id}.cs does not compile cleanly:\n" + string.Join('\n', problems));
        LessonCompiler.Run(image!);
    }

    [Fact]
    public void Compile_BrokenBlock_ReportsTheError()
    {
        var (image, problems) = LessonCompiler.Compile("broken", OutputKind.DynamicallyLinkedLibrary, ("x.cs", "public class X { int M() => \"s\"; }"));

        Assert.Null(image);
        Assert.Contains(problems, p => p.Contains("CS0029", StringComparison.Ordinal));
    }

    private static Lesson Load(string id) => LessonLoader.Load(Path.Combine(TestPaths.Course.Lessons, id + ".md"));
}
