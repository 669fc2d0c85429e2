using Course.Lessons.Content;
using Course.Lessons.Notebooks;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;

namespace Course.Lessons.Tests.Notebooks;

/// <summary>Every committed notebook runs, cell by cell, in the in-process C# kernel of .NET Interactive.</summary>
[Collection(ShowCollection.Name)]
public sealed class NotebookKernelTests
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var lesson in LessonLoader.LoadAll(TestPaths.Course.Lessons))
        {
            data.Add(lesson.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_EveryCell_RunsInTheCSharpKernelWithoutFailing(string id)
    {
        var path = Path.Combine(TestPaths.Course.Notebooks, id + ".ipynb");
        Assert.True(File.Exists(path), $"{path} is missing; run `course notebooks build`.");
        var cells = NotebookGenerator.ReadCells(await File.ReadAllTextAsync(path));   // read with Microsoft.DotNet.Interactive.Documents
        using var kernel = new CSharpKernel();
        var ran = 0;
        var html = 0;
        for (var i = 0; i < cells.Count; i++)
        {
            if (!cells[i].IsCode)
            {
                continue;
            }

            // The notebook loads the engine from src/Lessons/bin/engine; here the same assemblies sit next to the tests.
            var source = cells[i].Source.Replace(NotebookGenerator.EngineFolder, AppContext.BaseDirectory.Replace('\\', '/'), StringComparison.Ordinal);
            var result = await kernel.SendAsync(new SubmitCode(source));
            var failure = result.Events.OfType<CommandFailed>().FirstOrDefault();
            html += result.Events.OfType<DisplayEvent>().Count(e => e.FormattedValues.Any(v => v.MimeType == "text/html"));
            Assert.True(failure is null, $"{id}.ipynb cell {i} failed: {failure?.Message}\n--- cell ---\n{source}");
            ran++;
        }

        try
        {
            Assert.True(ran >= 1, "every notebook has at least the engine cell");
            var shows = LessonLoader.Load(Path.Combine(TestPaths.Course.Lessons, id + ".md")).CodeBlocks.Sum(b => CountShows(b.Code));
            Assert.True(html >= shows, $"{id}: {shows} Show.* calls but only {html} HTML outputs");
        }
        finally
        {
            Course.Lessons.Display.Show.Html = null;
        }
    }

    private static int CountShows(string code) =>
        code.Split('\n').Count(l => l.TrimStart().StartsWith("Show.", StringComparison.Ordinal));

    [Theory]
    [InlineData("throw new InvalidOperationException(\"boom\");")]
    [InlineData("int x = \"not a number\";")]
    public async Task Kernel_FailingCell_IsReportedAsCommandFailed(string code)
    {
        using var kernel = new CSharpKernel();

        var result = await kernel.SendAsync(new SubmitCode(code));

        Assert.Contains(result.Events, e => e is CommandFailed);
    }

    [Fact]
    public async Task EngineCell_RegistersHtmlFormatters_ForSimulationAndCost()
    {
        var lesson = LessonLoader.LoadAll(TestPaths.Course.Lessons)[0];
        var engineCell = NotebookGenerator.Generate(lesson).Cells[1].Source
            .Replace(NotebookGenerator.EngineFolder, AppContext.BaseDirectory.Replace('\\', '/'), StringComparison.Ordinal);
        using var kernel = new CSharpKernel();
        try
        {
            Assert.DoesNotContain((await kernel.SendAsync(new SubmitCode(engineCell))).Events, e => e is CommandFailed);

            var result = await kernel.SendAsync(new SubmitCode("""
                var sim = new Course.Sandbox.Simulation();
                sim.Lambda.Deploy(new Course.Sandbox.Functions.FunctionOptions { FunctionName = "f" },
                    Course.Sandbox.Hosting.HandlerFactory.FromDelegate((string s, Course.Lambda.Core.ILambdaContext c) => s));
                sim.Lambda.Invoke("f", "\"x\"");
                sim
                """));

            var html = result.Events.OfType<ReturnValueProduced>().SelectMany(e => e.FormattedValues).Where(v => v.MimeType == "text/html").Select(v => v.Value);
            Assert.Contains(html, v => v.Contains("<svg", StringComparison.Ordinal) && v.Contains("<table", StringComparison.Ordinal));

            // Every registered display: HTML in the notebook, its text display as text/plain.
            var cost = await kernel.SendAsync(new SubmitCode("new Course.Sandbox.Pricing.CostModel(Course.Sandbox.Pricing.PriceSheet.UsEast1).Summarize(sim.Lambda.Invocations)"));
            var formatted = cost.Events.OfType<ReturnValueProduced>().Single();
            var value = formatted.Value!;
            Assert.Equal(Course.Lessons.Display.ShowFormatters.Html(value), formatted.FormattedValues.Single(v => v.MimeType == "text/html").Value);
            Assert.Equal(Course.Lessons.Display.ShowFormatters.Text(value), Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(value, "text/plain"));
        }
        finally
        {
            Course.Lessons.Display.Show.Html = null;
            Microsoft.DotNet.Interactive.Formatting.Formatter.ResetToDefault();
        }
    }
}
