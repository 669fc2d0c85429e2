namespace Course.Cli.Exercises;

/// <summary>Where a learner is with an exercise, for <c>./grade</c>'s listing.</summary>
/// <param name="Exercise">The exercise.</param>
/// <param name="Label">not started, edited (not graded yet), n/m, n/m (edited since) or passed.</param>
/// <param name="Passed">True when the current file scored 100 %.</param>
internal sealed record ExerciseState(CourseExercise Exercise, string Label, bool Passed)
{
    /// <summary>The state of one exercise from its files and its last recorded grade.</summary>
    /// <param name="exercise">The exercise.</param>
    /// <param name="progress">The progress store.</param>
    /// <returns>The state.</returns>
    public static ExerciseState Of(CourseExercise exercise, ProgressStore progress)
    {
        var hash = ProgressStore.LearnerHash(exercise);
        var record = progress.Get(exercise.Id);
        if (record is null)
        {
            return new ExerciseState(exercise, ProgressStore.IsPristine(exercise) ? "not started" : "edited, not graded yet", false);
        }

        var score = $"{record.Score}/{record.MaxScore}";
        if (record.FileHash != hash)
        {
            return new ExerciseState(exercise, $"{score} (edited since)", false);
        }

        var passed = record.Status == "pass";
        return new ExerciseState(exercise, passed ? "passed" : record.Status == "error" ? "does not compile" : score, passed);
    }
}
