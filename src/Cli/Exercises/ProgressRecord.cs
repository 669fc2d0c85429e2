namespace Course.Cli.Exercises;

/// <summary>The last grade of an exercise's own handler file, as kept in <c>.build/progress/&lt;id&gt;.json</c>.</summary>
/// <param name="Score">Points earned.</param>
/// <param name="MaxScore">Points available.</param>
/// <param name="Status">pass, fail or error (the grade's status).</param>
/// <param name="FileHash">SHA-256 of the learner's files that were graded (<see cref="ProgressStore.LearnerHash"/>), to tell whether they changed since.</param>
internal sealed record ProgressRecord(int Score, int MaxScore, string Status, string FileHash);
