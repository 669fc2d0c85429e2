using System.CommandLine;
using Course.Cli.Exercises;
using Course.Cli.GradeService;
using Course.Grading;
using Course.Grading.Exercises;
using Course.Grading.Exercises.Model;
using Course.Grading.Reports;
using Spectre.Console;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course grade [exercise] [--file &lt;handler.cs&gt;] [--format text|json|junit] [--seed N] [--logs] [--watch]</c>:
/// compiles the learner's handler, runs the exercise's checks in an isolated worker and prints the report. The
/// exercise is a folder, an id (<c>01-hello-api</c>) or a number (<c>01</c>); without one, lists the exercises with
/// their state. Exit codes: 0 all checks pass (or the listing), 1 some fail, 2 compile error or bad input.
/// </summary>
internal static class GradeCommand
{
    /// <summary>Builds the <c>grade</c> command.</summary>
    /// <returns>The command, ready to add to the root command.</returns>
    public static Command Create()
    {
        var directory = new Argument<string?>("exercise") { Description = "The exercise: 01, 01-hello-api or exercises/01-hello-api; omit it to list the exercises", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<string?>("--file") { Description = "Grade this handler file instead of the exercise's own (handler.file in exercise.yaml)" };
        var format = new Option<string>("--format") { Description = "Output format: text, json (Exercism results.json v3) or junit", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "junit");
        var seed = new Option<int>("--seed") { Description = "Simulation seed; the same file and seed give the same results", DefaultValueFactory = _ => 1 };
        var logs = new Option<bool>("--logs") { Description = "Show the function's logs under each check (text format)" };
        var watch = new Option<bool>("--watch") { Description = "Grade again each time a file in the exercise folder (or --file) is saved; Ctrl+C stops" };

        var command = new Command("grade", "Grade an exercise: compile your handler, run the checks in the simulator, report (no exercise: list them)")
        {
            directory, file, format, seed, logs, watch,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var typed = result.GetValue(directory);
            if (typed is null)
            {
                return List();
            }

            var resolved = Resolve(typed);
            if (resolved is null)
            {
                return 2;
            }

            var settings = new GradeSettings(
                resolved,
                result.GetValue(file),
                result.GetValue(format) ?? "text",
                result.GetValue(seed),
                result.GetValue(logs));
            if (result.GetValue(watch))
            {
                using var watching = new Grader();
                return await GradeWatcher.RunAsync(watching, settings, cancellationToken).ConfigureAwait(false);
            }

            // A warm grade server (started by an earlier run; it exits when idle) grades in about half the time.
            if (await GradeClient.TryGradeAsync(settings, cancellationToken).ConfigureAwait(false) is { } served)
            {
                return served;
            }

            using var grader = new Grader();
            var exit = await GradeOnceAsync(grader, settings, cancellationToken).ConfigureAwait(false);
            GradeClient.StartServerInBackground();
            return exit;
        });
        return command;
    }

    private static int List()
    {
        var layout = CourseLayout.Find(Environment.CurrentDirectory);
        if (layout is null)
        {
            Console.Error.WriteLine($"grade: no exercises/ folder here or above. Run it from the course folder, or name an exercise folder: {CliName.Grade} path/to/exercise");
            return 2;
        }

        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 200);
        }

        ExerciseGuide.WriteListing(layout, AnsiConsole.Console, CliName.Grade);
        return 0;
    }

    private static string? Resolve(string typed)
    {
        if (File.Exists(Path.Combine(typed, ExerciseLoader.FileName)) || CourseLayout.Find(Environment.CurrentDirectory) is not { } layout)
        {
            return typed;   // a folder (or nothing to resolve against: the grader reports a missing folder)
        }

        if (layout.Resolve(typed, out var error) is { } found)
        {
            return found;
        }

        Console.Error.WriteLine($"grade: {error}");
        return null;
    }

    /// <summary>Grades once and writes the report in the chosen format to stdout.</summary>
    /// <param name="grader">The (warm) grader.</param>
    /// <param name="settings">What to grade and how to print it.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The exit code.</returns>
    internal static Task<int> GradeOnceAsync(Grader grader, GradeSettings settings, CancellationToken cancellationToken) =>
        GradeOnceAsync(grader, settings, GradeOutput.Terminal(), cancellationToken);

    /// <summary>Grades once and writes the report to the given output (the grade server's clients' captured output).</summary>
    /// <param name="grader">The (warm) grader.</param>
    /// <param name="settings">What to grade and how to print it.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The exit code.</returns>
    internal static async Task<int> GradeOnceAsync(Grader grader, GradeSettings settings, GradeOutput output, CancellationToken cancellationToken)
    {
        GradeReport report;
        var exercise = Directory.Exists(settings.Directory) ? CourseLayout.Describe(settings.Directory) : null;
        var ownFile = settings.File is null || (exercise is not null && Path.GetFullPath(settings.File) == exercise.HandlerPath);
        using (var progress = settings.Format == "text" && output.Notice ? LongRunNotice.Start(exercise, output.Error) : null)
        {
            try
            {
                report = await grader.GradeAsync(ToOptions(settings), cancellationToken).ConfigureAwait(false);
            }
            catch (FileNotFoundException e)
            {
                await output.Error.WriteLineAsync($"grade: {e.Message}").ConfigureAwait(false);
                return 2;
            }
        }

        var layout = exercise is null ? null : CourseLayout.ForExercise(exercise.Directory);
        if (layout is not null && exercise is not null && ownFile && report.Checks.Count + report.MaxScore > 0)
        {
            var status = report.Status switch { GradeStatus.Pass => "pass", GradeStatus.Fail => "fail", _ => "error" };
            new ProgressStore(layout).Put(exercise.Id, new ProgressRecord(report.Score, report.MaxScore, status, ProgressStore.LearnerHash(exercise)));
        }

        switch (settings.Format)
        {
            case "json":
                await output.Out.WriteAsync(JsonReportRenderer.Render(report)).ConfigureAwait(false);
                break;
            case "junit":
                await output.Out.WriteAsync(JUnitReportRenderer.Render(report)).ConfigureAwait(false);
                break;
            default:
                TextReportRenderer.Render(report, output.Ansi, settings.Logs);
                if (exercise is not null)
                {
                    ExerciseGuide.WriteAfterReport(layout, exercise, report, ownFile, output.Ansi, CliName.Grade);
                }

                break;
        }

        return report.ExitCode;
    }

    /// <summary>The grader options for parsed settings.</summary>
    /// <param name="settings">The settings.</param>
    /// <returns>The options.</returns>
    internal static GradeOptions ToOptions(GradeSettings settings) => new()
    {
        ExerciseDirectory = settings.Directory,
        HandlerFile = settings.File,
        Seed = settings.Seed,
    };
}
