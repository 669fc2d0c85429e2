using System.Diagnostics;
using Course.Lessons.Content;

namespace Course.Lessons.Tests.Notebooks;

/// <summary>
/// Runs each generated notebooks/NN-slug.cs with the real <c>dotnet run</c> (a .NET 10 file-based app), the way a
/// learner does. Slow (a build per app), so it runs only when COURSE_RUN_NOTEBOOK_APPS is set; CI sets it.
/// The compile-and-run check of the same code happens in every run (LessonCodeTests).
/// </summary>
public sealed class NotebookAppTests
{
    public static TheoryData<string> Apps()
    {
        var data = new TheoryData<string>();
        foreach (var lesson in LessonLoader.LoadAll(TestPaths.Course.Lessons))
        {
            data.Add(lesson.Id);
        }

        return data;
    }

    [AppTheory]
    [MemberData(nameof(Apps))]
    public async Task DotnetRun_GeneratedApp_ExitsZero(string id)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = TestPaths.Course.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("run");
        start.ArgumentList.Add($"notebooks/{id}.cs");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, $"dotnet run notebooks/{id}.cs exited {process.ExitCode}:\n{await stdout}\n{await stderr}");
        Assert.NotEmpty((await stdout).Trim());
    }
}
