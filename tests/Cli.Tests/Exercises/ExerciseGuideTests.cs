using Course.Cli.Exercises;
using Course.Grading.Reports;
using Spectre.Console;

namespace Course.Cli.Tests.Exercises;

/// <summary>The lines after a failing report: what is the starter and which file holds the tasks.</summary>
public sealed class ExerciseGuideTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("exercise-guide-tests").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private CourseExercise Exercise(string handler, string template)
    {
        Directory.CreateDirectory(Path.Combine(_dir, ".starter"));
        foreach (var (name, text) in new[] { ("Function.cs", handler), ("template.yaml", template) })
        {
            File.WriteAllText(Path.Combine(_dir, name), text);
            File.WriteAllText(Path.Combine(_dir, ".starter", name), text);
        }

        return new CourseExercise("10-sam-template", _dir, "SAM", "07-iac-sam", "Function.cs", 11) { OtherLearnerFiles = ["template.yaml"] };
    }

    private static string After(CourseExercise exercise)
    {
        var report = new GradeReport(exercise.Id, "SAM", GradeStatus.Fail, null, [], [], RunSummary.Empty, 1, null);
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer) });
        ExerciseGuide.WriteAfterReport(null, exercise, report, gradedOwnFile: true, console, "./grade");
        return writer.ToString();
    }

    [Fact]
    public void Starter_WhereTheTemplateHoldsTheTasks_NamesTheTemplateNotTheGivenHandler()
    {
        var exercise = Exercise("public class Function { }", "Resources: {} # TODO (task 1)");

        var output = After(exercise);

        Assert.Contains("This is the starter: failing checks are expected.", output, StringComparison.Ordinal);
        Assert.Contains("edit   " + CourseLayout.Display(Path.Combine(_dir, "template.yaml")) + " (", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Function.cs", output, StringComparison.Ordinal);
    }

    [Fact]
    public void EditedTemplate_IsNoLongerTheStarter()
    {
        var exercise = Exercise("public class Function { }", "Resources: {} # TODO (task 1)");
        File.WriteAllText(Path.Combine(_dir, "template.yaml"), "Resources: {}");

        var output = After(exercise);

        Assert.DoesNotContain("This is the starter", output, StringComparison.Ordinal);
        Assert.Contains("Function.cs", output, StringComparison.Ordinal);
    }
}
