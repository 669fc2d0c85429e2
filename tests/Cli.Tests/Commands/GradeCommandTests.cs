using System.Diagnostics;
using System.Text;
using System.Xml.Linq;

namespace Course.Cli.Tests.Commands;

/// <summary>
/// End-to-end tests of <c>course grade</c>: each runs the built CLI in a fresh process (as <c>./grade</c> does)
/// on a private copy of the fixture exercise, with a private compile cache.
/// </summary>
public sealed class GradeCommandTests : IDisposable, IClassFixture<GradeCommandTests.SharedCache>
{
    private readonly string _root = Directory.CreateTempSubdirectory("grade-cli-tests").FullName;
    private readonly string _exercise;
    private string _cache;

    /// <summary>One compile cache for the class: the tests' copies show the same paths, so later runs skip Roslyn.</summary>
    public sealed class SharedCache : IDisposable
    {
        public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("grade-cli-tests-cache").FullName;

        public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
    }

    public GradeCommandTests(SharedCache cache)
    {
        _exercise = Path.Combine(_root, "hello");
        _cache = cache.Directory;
        Directory.CreateDirectory(_exercise);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "hello")))
        {
            File.Copy(file, Path.Combine(_exercise, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private (int Exit, string Out, string Err) Grade(params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _root,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "course.dll"));
        start.ArgumentList.Add("grade");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["COURSE_GRADE_CACHE"] = _cache;
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "course grade did not finish within 2 minutes");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private string Handler => Path.Combine(_exercise, "Function.cs");

    [Fact]
    public void Grade_AllChecksPass_ExitsZero()
    {
        var (exit, output, error) = Grade("hello");
        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        Assert.Contains("score 3/3", output, StringComparison.Ordinal);
        Assert.Contains("2 of 2 checks passed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Grade_SomeChecksFail_ExitsOne_AndNamesTheFailure()
    {
        var (exit, output, error) = Grade("hello", "--file", Path.Combine(_exercise, "WrongGreeting.cs"));
        Assert.True(exit == 1, $"exit {exit}\n{output}\n{error}");
        Assert.Contains("the function returned \"hi ada\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Grade_CompileError_ExitsTwo_WithFileLineAndColumn()
    {
        File.WriteAllText(Handler, File.ReadAllText(Handler).Replace("return $\"{_prefix} {request.Name}\";", "return 42;", StringComparison.Ordinal));
        var (exit, output, error) = Grade("hello", "--format", "json");
        Assert.True(exit == 2, $"exit {exit}\n{output}\n{error}");
        Assert.Contains("\"status\": \"error\"", output, StringComparison.Ordinal);
        Assert.Matches(@"hello/Function\.cs:\d+:\d+: error CS0029", output);
    }

    [Fact]
    public void Grade_MissingFolder_ExitsTwo_AndSaysHowToFixIt()
    {
        var (exit, output, error) = Grade("no-such-exercise");
        Assert.True(exit == 2, $"exit {exit}\n{output}\n{error}");
        Assert.Contains("exercise folder not found", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);   // no stack trace
    }

    [Fact]
    public void Grade_BadYaml_ExitsTwo_AndPointsAtTheLine()
    {
        var yaml = Path.Combine(_exercise, "exercise.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("  memory: 512", "  memory: [512", StringComparison.Ordinal));
        var (exit, output, error) = Grade("hello");
        Assert.True(exit == 2, $"exit {exit}\n{output}\n{error}");
        Assert.Matches(@"hello/exercise\.yaml:\d+:\d+: error: ", output + error);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void Grade_UnknownFormat_ExitsTwo()
    {
        var (exit, output, error) = Grade("hello", "--format", "yaml");
        Assert.True(exit == 2, $"exit {exit}\n{output}\n{error}");
    }

    [Fact]
    public void Grade_JsonFormat_SameSeed_IsByteIdenticalAcrossRuns()
    {
        _cache = Path.Combine(_root, "cache-1");
        var first = Grade("hello", "--format", "json", "--seed", "42");
        _cache = Path.Combine(_root, "cache-2");   // the second run compiles again instead of reading the first's cache
        var second = Grade("hello", "--format", "json", "--seed", "42");
        Assert.Equal(0, first.Exit);
        Assert.Equal(0, second.Exit);
        Assert.Equal(Encoding.UTF8.GetBytes(first.Out), Encoding.UTF8.GetBytes(second.Out));
        Assert.Contains("\"version\": 3", first.Out, StringComparison.Ordinal);
        Assert.Contains("\"seed\": 42", first.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Grade_JUnitFormat_IsWellFormed_AndCountsFailures()
    {
        var (exit, output, error) = Grade("hello", "--format", "junit", "--file", Path.Combine(_exercise, "WrongGreeting.cs"));
        Assert.True(exit == 1, $"exit {exit}\n{output}\n{error}");
        var document = XDocument.Parse(output);
        var suite = Assert.Single(document.Descendants("testsuite"));
        Assert.Equal("2", (string?)suite.Attribute("tests"));
        Assert.Equal("1", (string?)suite.Attribute("failures"));
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(2, cases.Count);
        Assert.Single(cases, c => c.Element("failure") is not null);
    }

    [Fact]
    public void Grade_NeverWritesTheLearnersFiles()
    {
        var before = Snapshot();
        var (exit, _, _) = Grade("hello");
        var (failingExit, _, _) = Grade("hello", "--file", Path.Combine(_exercise, "WrongGreeting.cs"), "--format", "json");
        Assert.Equal(0, exit);
        Assert.Equal(1, failingExit);
        var after = Snapshot();
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));   // no file added or removed
        foreach (var (name, (bytes, written)) in before)
        {
            Assert.Equal(bytes, after[name].Bytes);
            Assert.Equal(written, after[name].Written);
        }
    }

    private Dictionary<string, (byte[] Bytes, DateTime Written)> Snapshot() =>
        Directory.GetFiles(_exercise, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(_exercise, f),
            f => (File.ReadAllBytes(f), File.GetLastWriteTimeUtc(f)),
            StringComparer.Ordinal);
}
