using Course.Grading.Reports;

namespace Course.Cli.Workshop;

/// <summary>One student's grades.</summary>
/// <param name="Student">The student's name.</param>
/// <param name="Problem">Why the submission could not be opened, or null.</param>
/// <param name="Exercises">Per exercise id (in course order): the report, or null when the student's file is missing.</param>
internal sealed record StudentResult(string Student, string? Problem, IReadOnlyList<(string ExerciseId, GradeReport? Report)> Exercises)
{
    /// <summary>Points earned over all graded exercises.</summary>
    public int Score => Exercises.Sum(e => e.Report?.Score ?? 0);
}
