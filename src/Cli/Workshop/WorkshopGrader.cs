using System.Threading.Channels;
using Course.Cli.Exercises;
using Course.Grading;
using Course.Grading.Reports;
using Course.Grading.Exercises.Model;

namespace Course.Cli.Workshop;

/// <summary>
/// Grades a class: every submission × every chosen exercise, with the course's own exercise.yaml and checks (never
/// the student's copies of them), in <c>jobs</c> parallel lanes, each with its own <see cref="Grader"/> whose worker
/// processes isolate the student's code. Every learner file is the student's: the handler and, beside it, the
/// exercise's learner settings and <c>learnerFiles:</c> (the grader finds them next to the handler). Results come back in student order whatever the lanes' timing, so the
/// output is deterministic; one bad submission is a row with a problem, never the end of the batch.
/// </summary>
internal sealed class WorkshopGrader(IReadOnlyList<CourseExercise> exercises, int jobs, int seed, string scratch)
{
    /// <summary>Called after each student is graded (for progress lines), with the number done and the total.</summary>
    public Action<int, int, StudentResult>? Progress { get; init; }

    /// <summary>Optional wall-clock override per grade (tests).</summary>
    public double? WallClockSeconds { get; init; }

    /// <summary>Grades every entry.</summary>
    /// <param name="entries">The submissions' paths (see <see cref="SubmissionSource.Entries"/>).</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    /// <returns>The results in entry order.</returns>
    public async Task<IReadOnlyList<StudentResult>> GradeAsync(IReadOnlyList<string> entries, CancellationToken cancellationToken)
    {
        var source = new SubmissionSource(scratch);
        var results = new StudentResult?[entries.Count];
        var queue = Channel.CreateUnbounded<int>();
        for (var i = 0; i < entries.Count; i++)
        {
            queue.Writer.TryWrite(i);
        }

        queue.Writer.Complete();
        var done = 0;
        var lanes = Enumerable.Range(0, Math.Max(1, jobs)).Select(lane => Task.Run(async () =>
        {
            using var grader = new Grader();
            await foreach (var index in queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var result = await GradeOneAsync(grader, source.Open(entries[index]), lane, cancellationToken).ConfigureAwait(false);
                results[index] = result;
                Progress?.Invoke(Interlocked.Increment(ref done), entries.Count, result);
            }
        }, cancellationToken)).ToList();
        await Task.WhenAll(lanes).ConfigureAwait(false);
        return results.Select(r => r!).ToList();
    }

    private async Task<StudentResult> GradeOneAsync(Grader grader, Submission submission, int lane, CancellationToken cancellationToken)
    {
        if (submission.Root is null)
        {
            return new StudentResult(submission.Student, submission.Problem, exercises.Select(e => (e.Id, (GradeReport?)null)).ToList());
        }

        var graded = new List<(string, GradeReport?)>();
        foreach (var exercise in exercises)
        {
            var file = Path.Combine(submission.Root, "exercises", exercise.Id, exercise.HandlerFile);
            if (!File.Exists(file) || IsLink(file))
            {
                graded.Add((exercise.Id, null));
                continue;
            }

            // The student's other learner files (mapping.yaml, rules.yaml, template.yaml …) are graded from their copy,
            // found beside their handler; a link among them could read files outside the submission.
            if (exercise.OtherLearnerFiles.Select(name => Course.Grading.Exercises.Model.LearnerFile.Locate(file, name)).FirstOrDefault(p => File.Exists(p) && IsLink(p)) is { } link)
            {
                graded.Add((exercise.Id, Failed(exercise, $"{Path.GetFileName(link)} is a symbolic link; submit the file itself", seed)));
                continue;
            }

            try
            {
                var report = await grader.GradeAsync(new GradeOptions
                {
                    ExerciseDirectory = exercise.Directory,
                    HandlerFile = file,
                    Seed = seed,
                    DisplayRoot = submission.Root,
                    WallClockSeconds = WallClockSeconds,
                    CacheDirectory = Path.Combine(scratch, "cache", lane.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                }, cancellationToken).ConfigureAwait(false);
                graded.Add((exercise.Id, report));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                graded.Add((exercise.Id, Failed(exercise, e.Message, seed)));
            }
        }

        return new StudentResult(submission.Student, submission.Problem, graded);
    }

    /// <summary>A symbolic link could point the grader at files outside the submission (another student's, the machine's).</summary>
    private static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;

    private static GradeReport Failed(CourseExercise exercise, string message, int seed) =>
        new(exercise.Id, exercise.Title, GradeStatus.Error, $"could not grade: {message}", [], [], RunSummary.Empty, seed, null) { ExerciseMaxScore = exercise.MaxScore };
}
