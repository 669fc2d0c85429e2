using System.Runtime.CompilerServices;
using Course.Cli.Repl;
using Course.Lessons.Content;

namespace Course.Cli.Tests.Repl;

/// <summary>
/// <c>course repl</c>: multi-line submissions, values, file-less (line,col) errors, piped input's exit code, and every
/// lesson's <c>csharp run</c> blocks replayed unchanged through <c>#load</c>.
/// </summary>
public sealed class ReplLoopTests
{
    private static string RepoRoot([CallerFilePath] string caller = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(caller)!, "..", "..", ".."));

    private static async Task<(int Exit, string Out, string Err)> Run(string input)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exit = await new ReplLoop(new StringReader(input), stdout, stderr, interactive: false, RepoRoot()).RunAsync();
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public static TheoryData<string> LessonIds()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoRoot(), "lessons"), "??-*.md").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Fact]
    public async Task Repl_MultiLineSubmission_StateCarriesOver_ValuesPrinted()
    {
        var (exit, output, errors) = await Run("var sim = new Simulation(new SimulationOptions { Seed = 3 });\nvar n =\n  1 +\n  2;\nn * 10\n");

        Assert.Equal("", errors);
        Assert.Equal(0, exit);
        Assert.Equal("30\n", output);
    }

    [Fact]
    public async Task Repl_CompileError_IsAFilelessLineColumnDiagnostic_AndPipedInputExitsOne()
    {
        var (exit, _, errors) = await Run("var x = 1;\nnope(x)\n");

        Assert.Equal(1, exit);
        Assert.Equal("(1,1): error CS0103: The name 'nope' does not exist in the current context\n", errors);
    }

    [Fact]
    public async Task Repl_ExceptionFromCode_IsReported_AndTheSessionGoesOn()
    {
        var (exit, output, errors) = await Run("throw new InvalidOperationException(\"boom\");\n6 * 7\n");

        Assert.Equal(1, exit);
        Assert.Contains("InvalidOperationException: boom", errors, StringComparison.Ordinal);
        Assert.Equal("42\n", output);
    }

    [Fact]
    public async Task Repl_LoadUnknownLesson_SaysWhichLessonsThereAre()
    {
        var (exit, _, errors) = await Run("#load 99\n");

        Assert.Equal(1, exit);
        Assert.Contains("no lesson '99'; the lessons are 01-", errors, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(LessonIds))]
    public async Task Repl_LoadLesson_RunsEveryRunBlockUnchanged(string lesson)
    {
        var blocks = LessonLoader.Load(Path.Combine(RepoRoot(), "lessons", lesson + ".md")).CodeBlocks.Count(b => b.Kind is CodeBlockKind.Run or CodeBlockKind.RunTypes);

        var (exit, output, errors) = await Run($"#load {lesson.Split('-')[0]}\n");

        Assert.True(exit == 0, errors);
        Assert.Contains($"lessons/{lesson}.md: {blocks} run blocks", output.Replace('\\', '/'), StringComparison.Ordinal);
    }
}
