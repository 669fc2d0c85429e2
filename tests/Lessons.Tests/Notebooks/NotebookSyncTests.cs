using System.Text.Json;
using Course.Lessons.Content;
using Course.Lessons.Notebooks;

namespace Course.Lessons.Tests.Notebooks;

public sealed class NotebookSyncTests
{
    [Fact]
    public void Check_CommittedNotebooks_AreAllUpToDate()
    {
        var statuses = new NotebookSet(TestPaths.Course).Check();

        var stale = statuses.Where(s => s.State != NotebookState.UpToDate).Select(s => $"{s.Path}: {s.State}").ToList();
        Assert.True(stale.Count == 0, "Notebooks out of sync with lessons/ (run `course notebooks build`):\n" + string.Join('\n', stale));
        Assert.Equal(LessonLoader.LoadAll(TestPaths.Course.Lessons).Count * 2, statuses.Count);
    }

    [Fact]
    public void Generate_SameLessonTwice_IsByteIdentical()
    {
        foreach (var lesson in LessonLoader.LoadAll(TestPaths.Course.Lessons))
        {
            var a = NotebookGenerator.Generate(lesson);
            var b = NotebookGenerator.Generate(LessonLoader.Load(lesson.Path));
            Assert.Equal(a.Ipynb, b.Ipynb);
            Assert.Equal(a.Script, b.Script);
            Assert.DoesNotContain('\r', a.Ipynb);
            Assert.DoesNotContain('\r', a.Script);
        }
    }

    [Fact]
    public void Generate_Lesson_IsNbformat4WithPolyglotMetadataAndEngineCell()
    {
        var lesson = LessonLoader.LoadAll(TestPaths.Course.Lessons)[0];
        using var json = JsonDocument.Parse(NotebookGenerator.Generate(lesson).Ipynb);
        var root = json.RootElement;

        var cells = root.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal(4, root.GetProperty("nbformat").GetInt32());
        Assert.Equal(".net-csharp", root.GetProperty("metadata").GetProperty("kernelspec").GetProperty("name").GetString());
        // The metadata Microsoft.DotNet.Interactive.Documents writes (as Polyglot Notebooks saves a C# notebook).
        Assert.Equal("C#", root.GetProperty("metadata").GetProperty("language_info").GetProperty("name").GetString());
        Assert.Equal("csharp", root.GetProperty("metadata").GetProperty("polyglot_notebook").GetProperty("defaultKernelName").GetString());
        Assert.Equal("csharp", cells[1].GetProperty("metadata").GetProperty("polyglot_notebook").GetProperty("kernelName").GetString());
        Assert.Equal("markdown", cells[0].GetProperty("cell_type").GetString());
        Assert.Equal("code", cells[1].GetProperty("cell_type").GetString());
        Assert.Contains("#r \"../src/Lessons/bin/engine/Course.Sandbox.dll\"", string.Concat(cells[1].GetProperty("source").EnumerateArray().Select(s => s.GetString())), StringComparison.Ordinal);
        Assert.Equal(cells.Count, cells.Select(c => c.GetProperty("id").GetString()).Distinct().Count());
    }

    [Fact]
    public void Generate_Directives_BecomePlainMarkdownAndInstructorNotesAreDropped()
    {
        const string text = "---\nid: 09-x\ntitle: T\nminutes: 5\nobjectives: [o]\nkeypoints: [k]\n---\n" +
            "Intro, see [next](10-y.md).\n\n::::challenge Try it\nDo it.\n\n:::solution\nDone.\n:::\n::::\n\n:::instructor\nSecret.\n:::\n\n" +
            "```csharp run\nusing System.Text;\nvar sb = new StringBuilder();\n```\n\n```csharp run types\nrecord Point(int X);\n```\n\nEnd.\n";
        var files = NotebookGenerator.Generate(LessonLoader.Parse("lessons/09-x.md", text));

        var prose = files.Cells[2].Source;
        Assert.Contains("**Challenge — Try it**", prose, StringComparison.Ordinal);
        Assert.Contains("<details><summary>Solution</summary>\n\nDone.\n\n</details>", prose, StringComparison.Ordinal);
        Assert.Contains("[next](10-y.ipynb)", prose, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", string.Concat(files.Cells.Select(c => c.Source)), StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", files.Script, StringComparison.Ordinal);
        Assert.Equal(["markdown", "code", "markdown", "code", "code", "markdown", "markdown"], files.Cells.Select(c => c.IsCode ? "code" : "markdown"));
        // In the app, usings are hoisted and types come after the statements.
        var script = files.Script;
        Assert.True(script.IndexOf("using System.Text;", StringComparison.Ordinal) < script.IndexOf("// Intro", StringComparison.Ordinal));
        Assert.True(script.IndexOf("var sb", StringComparison.Ordinal) < script.IndexOf("record Point", StringComparison.Ordinal));
        Assert.Contains("#:project ../src/Lessons/Lessons.csproj", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_EditedNotebook_IsStale_AndBuildRepairsIt()
    {
        var root = TestPaths.NewTempDirectory("nbcheck");
        File.WriteAllText(Path.Combine(root, "Course.sln"), string.Empty);
        Directory.CreateDirectory(Path.Combine(root, "lessons"));
        File.Copy(Path.Combine(TestPaths.Course.Lessons, "01-what-is-serverless.md"), Path.Combine(root, "lessons", "01-what-is-serverless.md"));
        var set = new NotebookSet(new CoursePaths(root));

        Assert.All(set.Check(), s => Assert.Equal(NotebookState.Missing, s.State));
        Assert.Equal(2, set.Build().Count);
        Assert.All(set.Check(), s => Assert.Equal(NotebookState.UpToDate, s.State));
        File.AppendAllText(Path.Combine(root, "notebooks", "01-what-is-serverless.cs"), "// edited\n");
        File.WriteAllText(Path.Combine(root, "notebooks", "07-gone.ipynb"), "{}");

        var states = set.Check().ToDictionary(s => s.Path, s => s.State);
        Assert.Equal(NotebookState.Stale, states["notebooks/01-what-is-serverless.cs"]);
        Assert.Equal(NotebookState.UpToDate, states["notebooks/01-what-is-serverless.ipynb"]);
        Assert.Equal(NotebookState.Orphan, states["notebooks/07-gone.ipynb"]);
        set.Build();
        Assert.All(set.Check(), s => Assert.Equal(NotebookState.UpToDate, s.State));
    }
}
