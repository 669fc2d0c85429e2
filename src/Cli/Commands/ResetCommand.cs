using System.CommandLine;
using System.Globalization;
using Course.Cli.Exercises;
using Course.Grading.Exercises.Model;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course reset &lt;exercise&gt;</c>: restores every learner file of the exercise from its pristine copy under
/// <c>exercises/NN-slug/.starter/</c> (shipped with the course): the handler, the trigger's learner settings
/// (<c>mapping.yaml</c>, <c>rules.yaml</c>), exercise.yaml's <c>learnerFiles:</c> and any other file with a starter copy.
/// Each changed file is kept beside it as <c>&lt;file&gt;.bak-YYYYMMDD-HHMMSS</c>; unchanged files are left alone; the
/// exercise's recorded grade is forgotten. Exit codes: 0 reset (or nothing to do), 2 unknown exercise or no starter handler.
/// </summary>
internal static class ResetCommand
{
    /// <summary>Builds the <c>reset</c> command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var exercise = new Argument<string>("exercise") { Description = "The exercise: 01, 01-hello-api or exercises/01-hello-api" };
        var command = new Command("reset", "Restore an exercise's starter files (handler, settings, templates); each changed file is kept as a .bak copy") { exercise };
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
        if (File.Exists(Path.Combine(typedPath, Grading.Exercises.Model.ExerciseLoader.FileName)))
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

        var stamp = now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var restored = new List<string>();
        foreach (var file in exercise.StarterFiles)
        {
            var starter = exercise.StarterCopy(file);
            var target = Path.Combine(exercise.Directory, file);
            if (!File.Exists(starter))
            {
                stderr.WriteLine($"reset: {CourseLayout.Display(target)} has no starter copy ({CourseLayout.Display(starter)}); left as it is.");
                continue;
            }

            if (File.Exists(target) && ProgressStore.Hash(target) == ProgressStore.Hash(starter))
            {
                continue;
            }

            if (File.Exists(target))
            {
                var backup = $"{target}.bak-{stamp}";
                File.Copy(target, backup, overwrite: false);
                stdout.WriteLine($"kept your file as {CourseLayout.Display(backup)}");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(starter, target, overwrite: true);
            restored.Add(CourseLayout.Display(target));
        }

        if (restored.Count == 0)
        {
            var pristine = exercise.StarterFiles.Where(f => File.Exists(exercise.StarterCopy(f))).Select(f => CourseLayout.Display(Path.Combine(exercise.Directory, f))).ToList();
            stdout.WriteLine($"{string.Join(", ", pristine)} {(pristine.Count == 1 ? "is" : "are")} already the starter; nothing to reset.");
            return 0;
        }

        if (layout is not null)
        {
            new ProgressStore(layout).Remove(exercise.Id);
        }

        stdout.WriteLine($"restored the starter {string.Join(", ", restored)}; grade it with {CliName.Grade} {exercise.Number}");
        return 0;
    }
}
