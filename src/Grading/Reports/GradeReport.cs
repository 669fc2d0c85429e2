using Course.Grading.Compilation;

namespace Course.Grading.Reports;

/// <summary>The result of grading one exercise: everything the text, JSON and JUnit renderers show.</summary>
/// <param name="ExerciseId">The exercise id (or the folder name when exercise.yaml could not be read).</param>
/// <param name="Title">The exercise title (may be empty on error).</param>
/// <param name="Status">The overall outcome.</param>
/// <param name="Message">On <see cref="GradeStatus.Error"/>, what went wrong (compile errors rendered with carets); otherwise null.</param>
/// <param name="Diagnostics">Compile and safety diagnostics (empty unless the compile failed).</param>
/// <param name="Checks">Check results in exercise.yaml order (empty on error).</param>
/// <param name="Summary">What the platform recorded across all checks.</param>
/// <param name="Seed">The seed the run used.</param>
/// <param name="MeasuredMilliseconds">Real elapsed time of the run; shown only in text output and never in results.json.</param>
public sealed record GradeReport(
    string ExerciseId,
    string Title,
    GradeStatus Status,
    string? Message,
    IReadOnlyList<CompileDiagnostic> Diagnostics,
    IReadOnlyList<CheckReport> Checks,
    RunSummary Summary,
    int Seed,
    double? MeasuredMilliseconds)
{
    /// <summary>Points earned.</summary>
    public int Score => Checks.Sum(c => c.Earned);

    /// <summary>Points available: the exercise's total in every outcome (a compile error included).</summary>
    public int MaxScore => ExerciseMaxScore ?? Checks.Sum(c => c.Spec.Points);

    /// <summary>The exercise's total points when known (set even when no check ran); null to sum the checks.</summary>
    public int? ExerciseMaxScore { get; init; }

    /// <summary>The process exit code: 0 all pass, 1 some fail, 2 compile error or bad input.</summary>
    public int ExitCode => Status switch
    {
        GradeStatus.Pass => 0,
        GradeStatus.Fail => 1,
        _ => 2,
    };
}
