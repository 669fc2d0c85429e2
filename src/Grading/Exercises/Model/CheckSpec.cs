namespace Course.Grading.Exercises.Model;

/// <summary>One graded check as declared in exercise.yaml; its code is a <c>[Check("id")]</c> method in the checks file.</summary>
/// <param name="Id">The check id (lower-case words joined by '-'), matching a <see cref="CheckAttribute"/>.</param>
/// <param name="Title">What the check verifies, shown in reports.</param>
/// <param name="Points">Points awarded when it passes (≥ 0); default 1.</param>
/// <param name="Task">The README task it belongs to (≥ 1), Exercism's task_id; default 1.</param>
/// <param name="Hint">What to try when it fails; shown beside a failed check.</param>
/// <param name="Line">The 1-based line of the check in exercise.yaml, for error messages.</param>
public sealed record CheckSpec(string Id, string Title, int Points, int Task, string Hint, int Line);
