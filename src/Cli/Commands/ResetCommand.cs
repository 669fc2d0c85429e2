using System.CommandLine;
using System.Globalization;
using Course.Cli.Exercises;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course reset &lt;exercise&gt;</c>: restores the exercise's starter handler from its pristine copy
/// (<c>exercises/NN-slug/.starter/&lt;handler file&gt;</c>, shipped with the course) and keeps the learner's file beside it
/// as <c>&lt;handler file&gt;.bak-YYYYMMDD-HHMMSS</c>; forgets the exercise's recorded grade. Exit codes: 0 reset (or
/// nothing to do), 2 unknown exercise or no starter copy.
/// </summary>
internal static class ResetCommand
{
    /// <summary>Builds the <c>reset</c> command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var exercise = new Argument<string>("exercise") { Description = "The exercise: 01, 01-hello-api or exercises/01-hello-api" };
        var command = new Command("reset", "Restore an exercise's starter handler; your file is kept as a .bak copy") { exercise };
        command.SetAction(result => Run(result.GetValue(exercise)!, Environment.CurrentDirectory, Console.Out, Console.Error, DateTime.Now));
        return command;
    }

    /// <summary>Resets an exercise.</summary>
    /// <param name="typed">What the user typed.</param>
    /// <param name="workingDirectory">Where the user is (the course root is found from there).</param>
    /// <param name="stdout">Where to report.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <param name="now">The local time, for the backup's name.</param>
    /// <returns>The exit code.</returns>
    internal static int Run(string typed, string workingDirectory, TextWriter stdout, TextWriter stderr, DateTime now)
    {
        var layout = CourseLayout.Find(workingDirectory);
        string? directory;
        var error = $"no exercises/ folder here or above; run it from the course folder.";
        var typedPath = Path.Combine(workingDirectory, typed);
        if (File.Exists(Path.Combine(typedPath, Grading.Exercises.ExerciseLoader.FileName)))
        {
            directory = Path.GetFullPath(typedPath);
            layout ??= CourseLayout.ForExercise(directory);
        }
        else
        {
            directory = layout?.Resolve(typed, out error);
        }

        if (directory is null)
        {
            stderr.WriteLine($"reset: {error}");
            return 2;
        }

        var exercise = CourseLayout.Describe(directory);
        if (!File.Exists(exercise.StarterPath))
        {
            stderr.WriteLine($"reset: {CourseLayout.Display(exercise.StarterPath)} is missing, so there is no starter to restore. Restore the folder from the course's release (or `git checkout -- {CourseLayout.Display(exercise.Directory)}`).");
            return 2;
        }

        if (File.Exists(exercise.HandlerPath) && ProgressStore.Hash(exercise.HandlerPath) == ProgressStore.Hash(exercise.StarterPath))
        {
            stdout.WriteLine($"{CourseLayout.Display(exercise.HandlerPath)} is already the starter; nothing to reset.");
            return 0;
        }

        if (File.Exists(exercise.HandlerPath))
        {
            var backup = $"{exercise.HandlerPath}.bak-{now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";
            File.Copy(exercise.HandlerPath, backup, overwrite: false);
            stdout.WriteLine($"kept your file as {CourseLayout.Display(backup)}");
        }

        File.Copy(exercise.StarterPath, exercise.HandlerPath, overwrite: true);
        if (layout is not null)
        {
            new ProgressStore(layout).Remove(exercise.Id);
        }

        stdout.WriteLine($"restored the starter {CourseLayout.Display(exercise.HandlerPath)}; grade it with {CliName.Grade} {exercise.Number}");
        return 0;
    }
}
