using Course.Lessons.Content;
using Course.Lessons.Display;
using Course.Lessons.Notebooks;

namespace Course.Lessons.Tests.Notebooks;

/// <summary>
/// Notebooks are written and read with Microsoft.DotNet.Interactive.Documents; their first cell loads the engine from
/// the configuration-independent bin/engine folder and registers every <see cref="ShowFormatters"/> display.
/// </summary>
public sealed class NotebookDocumentTests
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
    public void Generate_ThenRead_GivesBackTheSameCells(string id)
    {
        var generated = NotebookGenerator.Generate(LessonLoader.Load(Path.Combine(TestPaths.Course.Lessons, id + ".md")));

        var read = NotebookGenerator.ReadCells(generated.Ipynb);

        Assert.Equal(generated.Cells.Select(c => (c.IsCode, c.Source)), read.Select(c => (c.IsCode, c.Source)));
    }

    [Fact]
    public void EngineCell_LoadsFromBinEngine_WhicheverConfigurationBuilt_AndRegistersTheFormatters()
    {
        var cell = NotebookGenerator.Generate(LessonLoader.LoadAll(TestPaths.Course.Lessons)[0]).Cells[1].Source;

        Assert.DoesNotContain("bin/Debug", cell, StringComparison.Ordinal);
        Assert.DoesNotContain("bin/Release", cell, StringComparison.Ordinal);
        Assert.Contains("#r \"../src/Lessons/bin/engine/Course.Sandbox.dll\"", cell, StringComparison.Ordinal);
        Assert.Contains("Course.Lessons.Display.ShowFormatters.Register();", cell, StringComparison.Ordinal);
        // Every referenced assembly is in bin/engine after this build (the tests' build built src/Lessons).
        var engine = Path.Combine(TestPaths.Course.Root, "src", "Lessons", "bin", "engine");
        foreach (var reference in NotebookGenerator.EngineReferences)
        {
            Assert.True(File.Exists(Path.Combine(engine, Path.GetFileName(reference))), $"{reference} is not in {engine}");
        }
    }

    [Fact]
    public void ShowFormatters_EveryDisplay_HasHtmlAndText_ForItsType()
    {
        var sim = new Course.Sandbox.Simulation();
        var cost = new Course.Sandbox.Pricing.CostModel(Course.Sandbox.Pricing.PriceSheet.UsEast1).Summarize(sim.Lambda.Invocations);

        Assert.Equal(ShowFormatters.Displays.Count, ShowFormatters.Displays.Select(d => d.Type).Distinct().Count());
        Assert.Equal(SimulationText.Cost(cost), ShowFormatters.Text(cost));
        Assert.Equal(SimulationHtml.Cost(cost), ShowFormatters.Html(cost));
        Assert.Contains("<svg", ShowFormatters.Html(sim), StringComparison.Ordinal);
        Assert.Equal(SimulationText.Timeline(sim) + SimulationText.Invocations(sim), ShowFormatters.Text(sim));
        Assert.Null(ShowFormatters.Text("a string"));
        Assert.Null(ShowFormatters.Html(null));
    }
}
