using System.IO.Compression;
using System.Runtime.CompilerServices;
using Course.Cli.Exercises;
using Course.Cli.Workshop;
using Course.Grading.Reports;

namespace Course.Cli.Tests.Workshop;

/// <summary>
/// <c>course workshop grade</c> end to end over a synthetic class of exercise 01 submissions: good (the solution), partial
/// (the starter), broken (does not compile), hostile (loops forever; a symbolic link to a file outside the submission;
/// a zip entry that climbs out of the archive), empty, and a zipped good one.
/// </summary>
public sealed class WorkshopGradeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("workshop-grade-tests").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string RepoRoot([CallerFilePath] string caller = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(caller)!, "..", "..", ".."));

    private static string Exercise01 => Path.Combine(RepoRoot(), "exercises", "01-hello-api");

    private string Student(string name, string? handler)
    {
        var folder = Path.Combine(_dir, "submissions", name, "exercises", "01-hello-api");
        Directory.CreateDirectory(folder);
        if (handler is not null)
        {
            File.WriteAllText(Path.Combine(folder, "Function.cs"), handler);
        }

        return folder;
    }

    private string Class()
    {
        Student("ada", File.ReadAllText(Path.Combine(Exercise01, "solution", "Function.cs")));
        Student("bob", File.ReadAllText(Path.Combine(Exercise01, "Function.cs")));
        Student("cy", "namespace HelloApi; public class Function { public int FunctionHandler() => nope; }");
        Student("dee", File.ReadAllText(Path.Combine(Exercise01, "Function.cs")).Replace("var body = JsonNode.Parse", "while (true) { } var body = JsonNode.Parse", StringComparison.Ordinal));
        Student("eve", null);
        var mallory = Student("mallory", null);
        File.CreateSymbolicLink(Path.Combine(mallory, "Function.cs"), Path.Combine(Exercise01, "solution", "Function.cs"));
        Directory.CreateDirectory(Path.Combine(_dir, "submissions", "nobody"));

        // A zip holding a good copy one folder down, and a zip whose entry climbs out of the archive.
        var zipped = Path.Combine(_dir, "zipsrc", "zed", "exercises", "01-hello-api");
        Directory.CreateDirectory(zipped);
        File.Copy(Path.Combine(Exercise01, "solution", "Function.cs"), Path.Combine(zipped, "Function.cs"));
        ZipFile.CreateFromDirectory(Path.Combine(_dir, "zipsrc"), Path.Combine(_dir, "submissions", "zed.zip"));
        using (var evil = ZipFile.Open(Path.Combine(_dir, "submissions", "zoe.zip"), ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(evil.CreateEntry("../../escaped.txt").Open());
            writer.Write("should never be written");
        }

        // A bare git repository (as a classroom's git host hands them out) holding a good copy.
        var work = Path.Combine(_dir, "gitsrc");
        Directory.CreateDirectory(Path.Combine(work, "exercises", "01-hello-api"));
        File.Copy(Path.Combine(Exercise01, "solution", "Function.cs"), Path.Combine(work, "exercises", "01-hello-api", "Function.cs"));
        Git(work, "init", "--quiet");
        Git(work, "add", "-A");
        Git(work, "-c", "user.name=gus", "-c", "user.email=gus@example.invalid", "commit", "--quiet", "-m", "my work");
        Git(_dir, "clone", "--quiet", "--bare", work, Path.Combine(_dir, "submissions", "gus.git"));

        return Path.Combine(_dir, "submissions");
    }

    private static void Git(string directory, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = directory, UseShellExecute = false, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var git = System.Diagnostics.Process.Start(start)!;
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', args)}: {error}");
    }

    private static async Task<IReadOnlyList<StudentResult>> GradeAsync(string submissions, string scratch, int jobs)
    {
        var exercises = new[] { CourseLayout.Describe(Exercise01) };
        var grader = new WorkshopGrader(exercises, jobs, 1, scratch) { WallClockSeconds = 6 };
        return await grader.GradeAsync(SubmissionSource.Entries(submissions), CancellationToken.None);
    }

    [Fact]
    public async Task Grade_SyntheticClass_EachStudentGetsTheirOwnOutcome_AndTheBatchFinishes()
    {
        var submissions = Class();
        var results = await GradeAsync(submissions, Path.Combine(_dir, "scratch"), jobs: 2);
        var byName = results.ToDictionary(r => r.Student);

        Assert.Equal(["ada", "bob", "cy", "dee", "eve", "gus", "mallory", "nobody", "zed", "zoe"], results.Select(r => r.Student));
        Assert.Equal(10, byName["ada"].Score);
        Assert.Equal(GradeStatus.Pass, byName["ada"].Exercises[0].Report!.Status);
        Assert.InRange(byName["bob"].Score, 1, 9);
        Assert.Equal(GradeStatus.Error, byName["cy"].Exercises[0].Report!.Status);
        Assert.Equal(10, byName["cy"].Exercises[0].Report!.MaxScore);
        var loop = byName["dee"].Exercises[0].Report!;
        Assert.Equal(GradeStatus.Fail, loop.Status);
        Assert.Contains(loop.Checks, c => c.Message?.Contains("still running after 6 s of real time", StringComparison.Ordinal) == true);
        Assert.Null(byName["eve"].Exercises[0].Report);
        Assert.Null(byName["mallory"].Exercises[0].Report);   // a link to the solution is not a submission
        Assert.Null(byName["nobody"].Exercises[0].Report);
        Assert.Equal(10, byName["zed"].Score);
        Assert.Equal(10, byName["gus"].Score);   // cloned from the bare repository
        Assert.Contains("points outside the archive", byName["zoe"].Problem, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "escaped.txt")));
        Assert.False(File.Exists(Path.Combine(_dir, "scratch", "escaped.txt")));

        var output = Path.Combine(_dir, "out");
        Gradebook.Write(output, [CourseLayout.Describe(Exercise01)], results);
        var csv = File.ReadAllLines(Path.Combine(output, "gradebook.csv"));
        Assert.Equal("student,01-hello-api,total,max,notes", csv[0]);
        Assert.Equal("ada,10,10,10,", csv[1]);
        Assert.Equal("cy,0,0,10,01-hello-api: does not compile", csv[3]);
        Assert.Equal("eve,,0,10,01-hello-api: not submitted", csv[5]);
        Assert.StartsWith("zoe,,0,10,submission not opened: the zip entry", csv[10], StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(output, "gradebook.html"));
        Assert.Contains("Pass rate per check", html, StringComparison.Ordinal);
        Assert.Contains("class=\"bar\"", html, StringComparison.Ordinal);
        Assert.Contains("Most common failures", html, StringComparison.Ordinal);
        Assert.Contains(CourseLayout.Describe(Exercise01).Title.Split(' ')[0], html, StringComparison.Ordinal);
        Assert.Contains("students/bob/index.html", html, StringComparison.Ordinal);
        var feedback = File.ReadAllText(Path.Combine(output, "students", "bob", "index.html"));
        Assert.Contains("hint:", feedback, StringComparison.Ordinal);
        Assert.Contains("\"version\": 3", File.ReadAllText(Path.Combine(output, "students", "bob", "01-hello-api.results.json")).Replace("\"version\":3", "\"version\": 3", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Not submitted", File.ReadAllText(Path.Combine(output, "students", "eve", "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_SameClassTwice_WithDifferentJobCounts_ByteIdenticalGradebook()
    {
        Student("ada", File.ReadAllText(Path.Combine(Exercise01, "solution", "Function.cs")));
        Student("bob", File.ReadAllText(Path.Combine(Exercise01, "Function.cs")));
        Student("cy", File.ReadAllText(Path.Combine(Exercise01, "Function.cs")).Replace("StatusCode = 200", "StatusCode = 201", StringComparison.Ordinal));
        var submissions = Path.Combine(_dir, "submissions");
        var exercises = new[] { CourseLayout.Describe(Exercise01) };

        Gradebook.Write(Path.Combine(_dir, "one"), exercises, await GradeAsync(submissions, Path.Combine(_dir, "s1"), jobs: 1));
        Gradebook.Write(Path.Combine(_dir, "two"), exercises, await GradeAsync(submissions, Path.Combine(_dir, "s2"), jobs: 2));

        var first = Directory.GetFiles(Path.Combine(_dir, "one"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var second = Directory.GetFiles(Path.Combine(_dir, "two"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(first.Select(f => Path.GetRelativePath(Path.Combine(_dir, "one"), f)), second.Select(f => Path.GetRelativePath(Path.Combine(_dir, "two"), f)));
        for (var i = 0; i < first.Count; i++)
        {
            Assert.Equal(File.ReadAllText(first[i]), File.ReadAllText(second[i]));
        }
    }

    [Fact]
    public async Task Grade_LearnerSettings_AreTheStudentsOwn_AndALinkedSettingsFileIsRefused()
    {
        var exercise07 = Path.Combine(RepoRoot(), "exercises", "07-stream-poison");
        string Copy(string name, string mapping)
        {
            var folder = Path.Combine(_dir, "submissions", name, "exercises", "07-stream-poison");
            Directory.CreateDirectory(folder);
            File.Copy(Path.Combine(exercise07, "solution", "Function.cs"), Path.Combine(folder, "Function.cs"));
            return Path.Combine(folder, "mapping.yaml");
        }

        File.Copy(Path.Combine(exercise07, "solution", "mapping.yaml"), Copy("ada", "solution"));
        File.Copy(Path.Combine(exercise07, ".starter", "mapping.yaml"), Copy("bob", "starter"));
        File.CreateSymbolicLink(Copy("mal", "link"), Path.Combine(exercise07, "solution", "mapping.yaml"));
        var described = CourseLayout.Describe(exercise07);

        var results = await new WorkshopGrader([described], 1, 1, Path.Combine(_dir, "scratch")) { WallClockSeconds = 20 }
            .GradeAsync(SubmissionSource.Entries(Path.Combine(_dir, "submissions")), CancellationToken.None);
        var byName = results.ToDictionary(r => r.Student);

        Assert.Equal(["mapping.yaml"], described.OtherLearnerFiles);
        Assert.Equal(described.MaxScore, byName["ada"].Score);
        Assert.InRange(byName["bob"].Score, 0, described.MaxScore - 1);   // the handler is right; the starter's mapping is not
        Assert.Equal(GradeStatus.Error, byName["mal"].Exercises[0].Report!.Status);
        Assert.Contains("mapping.yaml is a symbolic link", byName["mal"].Exercises[0].Report!.Message, StringComparison.Ordinal);
    }
}
