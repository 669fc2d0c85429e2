using Course.Grading.Exercises;
using Course.Grading.Exercises.Model;

namespace Course.Grading.Tests.Exercises;

/// <summary>
/// A deliberately wrong fixture of a configuration exercise (a template or a definition is the graded artefact) need
/// not copy the exercise's given handler: its .cs file holds only its <c>// expect-fail:</c> header and the line
/// <c>// handler: the exercise's own …</c>. <see cref="HandlerToGrade"/> then puts the exercise's handler under the
/// fixture's name in a temporary folder, beside the fixture folder's learner files, so the grader finds
/// <c>&lt;Name&gt;.template.yaml</c> (or the shared file) exactly as it would beside a learner's handler.
/// </summary>
internal static class WrongFixture
{
    private const string UsesTheExercisesHandler = "// handler: the exercise's own";

    /// <summary>The file to grade for fixture <paramref name="path"/> of the exercise in <paramref name="exerciseDir"/>.</summary>
    public static string HandlerToGrade(string exerciseDir, string path)
    {
        if (!File.ReadLines(path).TakeWhile(l => l.StartsWith("// ", StringComparison.Ordinal)).Any(l => l.StartsWith(UsesTheExercisesHandler, StringComparison.Ordinal)))
        {
            return path;
        }

        var definition = ExerciseLoader.Load(exerciseDir);
        var folder = Directory.CreateTempSubdirectory("wrong-fixture-").FullName;
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(path)!).Where(f => !f.EndsWith(".cs", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var handler = Path.Combine(folder, Path.GetFileName(path));
        File.Copy(Path.Combine(exerciseDir, definition.Handler.File), handler);
        return handler;
    }
}
