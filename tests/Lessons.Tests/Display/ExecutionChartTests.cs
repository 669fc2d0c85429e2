using Course.Lessons.Content;
using Course.Lessons.Display;
using Course.Lessons.Notebooks;
using Course.Sandbox.StepFunctions.Executions;
using Microsoft.CodeAnalysis;

namespace Course.Lessons.Tests.Display;

[Collection(ShowCollection.Name)]
public sealed class ExecutionChartTests
{
    [Fact]
    public void Scratch()
    {
        var lesson = LessonLoader.Load(Path.Combine(TestPaths.Course.Lessons, "10-step-functions.md"));
        var script = NotebookGenerator.Generate(lesson).Script;
        var code = string.Join('\n', script.Split('\n').Select(l => l.StartsWith("#:", StringComparison.Ordinal) ? "//" + l : l));
        var (image, problems) = Course.Lessons.Tests.Lessons.LessonCompiler.Compile("x", OutputKind.ConsoleApplication, ("notebooks/x.cs", code));
        var old = Console.Out;
        using var w = new StringWriter();
        Console.SetOut(w);
        try { if (image is not null) Course.Lessons.Tests.Lessons.LessonCompiler.Run(image); }
        catch (Exception e) { w.WriteLine(e); }
        finally { Console.SetOut(old); }
        File.WriteAllText("/tmp/sfn/lesson.txt", string.Join('\n', problems) + "\n" + w);
    }
}
