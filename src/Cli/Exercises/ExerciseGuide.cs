using System.Globalization;
using Course.Grading.Reports;
using Spectre.Console;

namespace Course.Cli.Exercises;

/// <summary>
/// The orienting lines around a grade: the exercise list with each one's state (<c>./grade</c> alone), which file
/// to edit and where the tasks are (a starter run or a failing run), and where to go after 100 %.
/// </summary>
internal static class ExerciseGuide
{
    /// <summary>Writes the list of exercises with their state and the suggested next one.</summary>
    /// <param name="layout">The course.</param>
    /// <param name="console">Where to write.</param>
    /// <param name="command">How the user runs the tool, e.g. <c>./grade</c>.</param>
    public static void WriteListing(CourseLayout layout, IAnsiConsole console, string command)
    {
        var progress = new ProgressStore(layout);
        var states = layout.Exercises().Select(e => ExerciseState.Of(e, progress)).ToList();
        if (states.Count == 0)
        {
            console.WriteLine($"No exercises under {CourseLayout.Display(Path.Combine(layout.Root, "exercises"))}.");
            return;
        }

        console.MarkupLine("[bold]Exercises[/]");
        var idWidth = Math.Max("exercise".Length, states.Max(x => x.Exercise.Id.Length));
        var titleWidth = Math.Max("title".Length, states.Max(x => x.Exercise.Title.Length));
        console.MarkupLine($"  [grey]{"exercise".PadRight(idWidth)}  {"title".PadRight(titleWidth)}  state[/]");
        foreach (var state in states)
        {
            var color = state.Passed ? "green" : state.Label == "not started" ? "grey" : "yellow";
            console.MarkupLine($"  {Markup.Escape(state.Exercise.Id.PadRight(idWidth))}  {Markup.Escape(state.Exercise.Title.PadRight(titleWidth))}  [{color}]{Markup.Escape(state.Label)}[/]");
        }

        console.WriteLine();
        var next = states.FirstOrDefault(s => !s.Passed);
        if (next is null)
        {
            console.MarkupLine("[green]Every exercise passes.[/]");
            return;
        }

        var lesson = next.Exercise.Lesson.Length > 0 && layout.LessonFile(next.Exercise.Lesson) is { } file
            ? $" (lesson: {CourseLayout.Display(file)})"
            : "";
        console.WriteLine($"next: {command} {next.Exercise.Number}");
        console.WriteLine($"  edit {CourseLayout.Display(next.Exercise.HandlerPath)}, tasks in {CourseLayout.Display(Path.Combine(next.Exercise.Directory, "README.md"))}{lesson}");
    }

    /// <summary>Writes the lines after a report: what to edit (when not passing) or where to go next (at 100 %).</summary>
    /// <param name="layout">The course, or null for an exercise outside one.</param>
    /// <param name="exercise">The graded exercise.</param>
    /// <param name="report">The report.</param>
    /// <param name="gradedOwnFile">True when the exercise's own handler file was graded (not --file).</param>
    /// <param name="console">Where to write.</param>
    /// <param name="command">How the user runs grade, e.g. <c>./grade</c>.</param>
    public static void WriteAfterReport(CourseLayout? layout, CourseExercise exercise, GradeReport report, bool gradedOwnFile, IAnsiConsole console, string command)
    {
        var readme = Path.Combine(exercise.Directory, "README.md");
        if (report.Status != GradeStatus.Pass)
        {
            if (!gradedOwnFile)
            {
                return;
            }

            var files = new[] { exercise.HandlerFile }.Concat(exercise.OtherLearnerFiles)
                .Select(f => Path.Combine(exercise.Directory, f)).Where(File.Exists).ToList();
            var starter = File.Exists(exercise.StarterPath) && ProgressStore.IsPristine(exercise);
            console.WriteLine();
            if (starter)
            {
                console.WriteLine("This is the starter: failing checks are expected.");
            }

            // The files that still hold the tasks' TODOs are the ones to edit (a template or a definition, when the handler is given).
            var toEdit = files.Where(f => File.ReadAllText(f).Contains("TODO", StringComparison.Ordinal)).ToList();
            if (toEdit.Count == 0)
            {
                toEdit = [exercise.HandlerPath];
            }

            console.WriteLine($"edit   {string.Join(", ", toEdit.Select(CourseLayout.Display))} (the TODO (task N) comments mark where each task goes)");
            console.WriteLine($"tasks  {CourseLayout.Display(readme)} (one check per task)");
            console.WriteLine($"then   {command} {exercise.Number}   (or add --watch to grade on every save)");
            return;
        }

        if (layout is null)
        {
            return;
        }

        var exercises = layout.Exercises();
        var index = exercises.ToList().FindIndex(e => e.Id == exercise.Id);
        var nextExercise = index >= 0 && index + 1 < exercises.Count ? exercises[index + 1] : null;
        console.WriteLine();
        if (nextExercise is null)
        {
            console.WriteLine("That was the last exercise. Run " + command + " to see them all.");
            return;
        }

        var lessonId = nextExercise.Lesson;
        if (lessonId.Length > 0 && layout.LessonFile(lessonId) is { } lessonFile)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"next lesson    {layout.LessonTitle(lessonId)}: {CourseLayout.Display(lessonFile)}"));
        }

        console.WriteLine($"next exercise  {nextExercise.Id} · {nextExercise.Title}: {command} {nextExercise.Number}");
    }
}
