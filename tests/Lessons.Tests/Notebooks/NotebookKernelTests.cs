using System.Text.Json;
using Course.Lessons.Content;
using Course.Lessons.Notebooks;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;

namespace Course.Lessons.Tests.Notebooks;

/// <summary>Every committed notebook runs, cell by cell, in the in-process C# kernel of .NET Interactive.</summary>
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
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        using var kernel = new CSharpKernel();
        var ran = 0;
        foreach (var cell in json.RootElement.GetProperty("cells").EnumerateArray())
        {
            if (cell.GetProperty("cell_type").GetString() != "code")
            {
                continue;
            }

            var source = string.Concat(cell.GetProperty("source").EnumerateArray().Select(s => s.GetString()));
            // The notebook loads the engine from src/Sandbox/bin/Debug; here the same assemblies sit next to the tests.
            source = source.Replace("../src/Sandbox/bin/Debug/net10.0/", AppContext.BaseDirectory.Replace('\\', '/'), StringComparison.Ordinal);
            var result = await kernel.SendAsync(new SubmitCode(source));
            var failure = result.Events.OfType<CommandFailed>().FirstOrDefault();
            Assert.True(failure is null, $"{id}.ipynb cell {cell.GetProperty("id").GetString()} failed: {failure?.Message}\n--- cell ---\n{source}");
            ran++;
        }

        Assert.True(ran >= 1, "every notebook has at least the engine cell");
    }

    [Theory]
    [InlineData("throw new InvalidOperationException(\"boom\");")]
    [InlineData("int x = \"not a number\";")]
    public async Task Kernel_FailingCell_IsReportedAsCommandFailed(string code)
    {
        using var kernel = new CSharpKernel();

        var result = await kernel.SendAsync(new SubmitCode(code));

        Assert.Contains(result.Events, e => e is CommandFailed);
    }
}
