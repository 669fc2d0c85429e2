using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Course.Cli.Exercises;
using Course.Cli.Workshop;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course workshop release|grade|plan</c>: the instructor's verbs. <c>release --out &lt;dir&gt;</c> writes the student
/// copy; <c>grade &lt;submissions&gt; [--exercise …] [--jobs N] [--out &lt;dir&gt;] [--seed N]</c> grades a class into a
/// gradebook; <c>plan</c> prints the day's agenda. Exit codes: 0 done, 2 bad input.
/// </summary>
internal static class WorkshopCommand
{
    /// <summary>Builds the <c>workshop</c> command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var workshop = new Command("workshop", "For instructors: the student release, grading a class in bulk, the day's plan");
        workshop.Subcommands.Add(Release());
        workshop.Subcommands.Add(Grade());
        workshop.Subcommands.Add(Plan());
        return workshop;
    }

    private static Command Release()
    {
        var output = new Option<string>("--out") { Description = "The folder to write the student copy to (new or empty)", Required = true };
        var command = new Command("release", "Write the student copy: no solutions, no wrong-handler fixtures, no instructor notes") { output };
        command.SetAction(result =>
        {
            if (Layout() is not { } layout)
            {
                return 2;
            }

            try
            {
                var count = ReleaseBuilder.Write(layout.Root, result.GetValue(output)!);
                Console.WriteLine($"wrote the student copy ({count} files) to {result.GetValue(output)}");
                Console.WriteLine($"instructor notes are only in the instructor site: {CliName.Command("site build --instructor --out _site-instructor")}");
                return 0;
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"workshop release: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    private static Command Grade()
    {
        var submissions = new Argument<string>("submissions") { Description = "A folder with one entry per student: a folder, a .zip or a git repository holding their copy of the course" };
        var exercise = new Option<string[]>("--exercise") { Description = "Grade only this exercise (01, 01-hello-api; repeat for more); default all" };
        var jobs = new Option<int>("--jobs") { Description = "Students graded in parallel", DefaultValueFactory = _ => Environment.ProcessorCount };
        var output = new Option<string>("--out") { Description = "Where to write the gradebook", DefaultValueFactory = _ => "gradebook" };
        var seed = new Option<int>("--seed") { Description = "Simulation seed (the same for every student)", DefaultValueFactory = _ => 1 };
        var command = new Command("grade", "Grade every student's submission into gradebook.csv, gradebook.html and feedback pages") { submissions, exercise, jobs, output, seed };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (Layout() is not { } layout)
            {
                return 2;
            }

            var folder = result.GetValue(submissions)!;
            if (!Directory.Exists(folder))
            {
                Console.Error.WriteLine($"workshop grade: '{folder}' is not a folder. Pass a folder with one entry per student, e.g. submissions/ada/exercises/01-hello-api/Function.cs");
                return 2;
            }

            var chosen = new List<CourseExercise>();
            foreach (var typed in result.GetValue(exercise) ?? [])
            {
                if (layout.Resolve(typed, out var error) is not { } dir)
                {
                    Console.Error.WriteLine($"workshop grade: --exercise {error}");
                    return 2;
                }

                chosen.Add(CourseLayout.Describe(dir));
            }

            var exercises = chosen.Count > 0 ? chosen.DistinctBy(e => e.Id).OrderBy(e => e.Id, StringComparer.Ordinal).ToList() : layout.Exercises().ToList();
            var n = Math.Max(1, result.GetValue(jobs));
            var entries = SubmissionSource.Entries(folder);
            var scratch = Directory.CreateTempSubdirectory("course-workshop-").FullName;
            var watch = Stopwatch.StartNew();
            try
            {
                var grader = new WorkshopGrader(exercises, n, result.GetValue(seed), scratch)
                {
                    Progress = (done, total, student) => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"[{done}/{total}] {student.Student}: {student.Score}/{exercises.Sum(e => e.MaxScore)}{(Gradebook.Notes(student) is { Length: > 0 } notes ? $" ({notes})" : "")}")),
                };
                var results = await grader.GradeAsync(entries, cancellationToken).ConfigureAwait(false);
                var outDir = result.GetValue(output)!;
                Gradebook.Write(outDir, exercises, results);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"graded {results.Count} {(results.Count == 1 ? "student" : "students")} × {exercises.Count} {(exercises.Count == 1 ? "exercise" : "exercises")} with {n} {(n == 1 ? "job" : "jobs")} in {watch.Elapsed.TotalSeconds:0.0} s"));
                Console.WriteLine($"wrote {Path.Combine(outDir, "gradebook.csv")}, {Path.Combine(outDir, "gradebook.html")} and students/<name>/ feedback pages");
                return 0;
            }
            finally
            {
                try
                {
                    Directory.Delete(scratch, recursive: true);
                }
                catch (IOException)
                {
                    // A worker still holding a file; the temp folder is cleaned by the system.
                }
            }
        });
        return command;
    }

    private static Command Plan()
    {
        var start = new Option<string>("--start") { Description = "Start time, HH:mm", DefaultValueFactory = _ => "09:00" };
        var exerciseMinutes = new Option<int>("--exercise-minutes") { Description = "Minutes per exercise", DefaultValueFactory = _ => 25 };
        var breakEvery = new Option<int>("--break-every") { Description = "Minutes of work between breaks", DefaultValueFactory = _ => 90 };
        var breakMinutes = new Option<int>("--break") { Description = "Minutes per break", DefaultValueFactory = _ => 15 };
        var command = new Command("plan", "Print the day's agenda from the lessons' minutes, the exercises and breaks") { start, exerciseMinutes, breakEvery, breakMinutes };
        command.SetAction(result =>
        {
            if (Layout() is not { } layout)
            {
                return 2;
            }

            if (!TimeOnly.TryParseExact(result.GetValue(start), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            {
                Console.Error.WriteLine($"workshop plan: --start '{result.GetValue(start)}' is not a time; use HH:mm, e.g. 09:00.");
                return 2;
            }

            Console.Write(WorkshopPlan.Render(WorkshopPlan.Build(layout, at, result.GetValue(exerciseMinutes), result.GetValue(breakEvery), result.GetValue(breakMinutes))));
            return 0;
        });
        return command;
    }

    private static CourseLayout? Layout()
    {
        var layout = CourseLayout.Find(Environment.CurrentDirectory);
        if (layout is null)
        {
            Console.Error.WriteLine("workshop: no exercises/ folder here or above; run it from the course folder.");
        }

        return layout;
    }
}
