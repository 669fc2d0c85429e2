using Course.Grading.Exercises;
using Course.Grading.Exercises.Model;
using Course.Sandbox.Hosting;

namespace Course.Grading.Isolation;

/// <summary>
/// Runs one exercise check in the current process, against a handler given as a <see cref="HandlerFactory"/>
/// (e.g. <c>HandlerFactory.FromType(typeof(Function))</c>), in a fresh simulation seeded like <c>grade</c> seeds it.
/// For benchmarks and unit tests of checks only: there is no isolation (no wall-clock kill, no heap limit,
/// no safety rules); learners' code is always graded through <see cref="Grader"/>.
/// </summary>
public static class InProcessChecks
{
    /// <summary>Runs a check; it fails by throwing <see cref="CheckFailedException"/>, as in <c>grade</c>.</summary>
    /// <param name="exercise">The exercise (e.g. from <see cref="ExerciseLoader.Load"/>).</param>
    /// <param name="checkId">The check's id in exercise.yaml.</param>
    /// <param name="handler">The function's handler.</param>
    /// <param name="check">The check method.</param>
    /// <param name="seed">The grading seed; default 1 (as <c>grade</c>).</param>
    /// <returns>The check's notes (<see cref="CheckContext.Note"/>) and the function's logs.</returns>
    /// <exception cref="ArgumentException">The exercise has no check with that id.</exception>
    public static async Task<string> RunAsync(ExerciseDefinition exercise, string checkId, HandlerFactory handler, Func<CheckContext, Task> check, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(check);
        var spec = exercise.Checks.FirstOrDefault(c => c.Id == checkId)
                   ?? throw new ArgumentException($"exercise '{exercise.Id}' has no check '{checkId}'; its checks are {string.Join(", ", exercise.Checks.Select(c => c.Id))}.", nameof(checkId));
        using var session = new SimulationFunctionSession(exercise, handler, seed);
        var context = new CheckContext(session, exercise, spec, seed);
        await check(context).ConfigureAwait(false);
        return context.Notes + session.Logs();
    }
}
