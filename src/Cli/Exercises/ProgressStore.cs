using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Course.Cli.Exercises;

/// <summary>
/// Each exercise's last grade, in <c>.build/progress/&lt;exercise-id&gt;.json</c> under the course root: the tool's own
/// state (ignored by git), never written into the learner's files. Only grades of the exercise's own handler file
/// count (not <c>--file</c> overrides such as the solution).
/// </summary>
internal sealed class ProgressStore(CourseLayout layout)
{
    private string Folder => Path.Combine(layout.BuildDirectory, "progress");

    /// <summary>The last grade of an exercise, or null.</summary>
    /// <param name="exerciseId">The exercise id.</param>
    /// <returns>The record or null (also when the file is unreadable).</returns>
    public ProgressRecord? Get(string exerciseId)
    {
        try
        {
            var path = Path.Combine(Folder, exerciseId + ".json");
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), ProgressJson.Default.ProgressRecord) : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Records a grade (best effort: a read-only checkout just keeps no progress).</summary>
    /// <param name="exerciseId">The exercise id.</param>
    /// <param name="record">The grade.</param>
    public void Put(string exerciseId, ProgressRecord record)
    {
        try
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(Path.Combine(Folder, exerciseId + ".json"), JsonSerializer.Serialize(record, ProgressJson.Default.ProgressRecord));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No progress kept; grading itself is unaffected.
        }
    }

    /// <summary>Forgets an exercise's grade (after <c>course reset</c>).</summary>
    /// <param name="exerciseId">The exercise id.</param>
    public void Remove(string exerciseId)
    {
        var path = Path.Combine(Folder, exerciseId + ".json");
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>The SHA-256 of a file's bytes (hex), or "" when it cannot be read.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The hash.</returns>
    public static string Hash(string path)
    {
        try
        {
            return Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>True when every learner file is as its <c>.starter/</c> copy (or the exercise keeps no starter copy).</summary>
    /// <param name="exercise">The exercise.</param>
    /// <returns>Whether the learner has not started.</returns>
    public static bool IsPristine(CourseExercise exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        return !File.Exists(exercise.StarterPath) || LearnerHash(exercise, starter: true) == LearnerHash(exercise);
    }

    /// <summary>
    /// The hash of everything the learner edits in an exercise: the handler's hash alone when it has no other learner
    /// files; otherwise one SHA-256 over each file's name and hash (the handler, then the learner settings and
    /// <c>learnerFiles:</c>), so editing 07's mapping.yaml after a grade shows as "edited since".
    /// </summary>
    /// <param name="exercise">The exercise.</param>
    /// <param name="starter">True for the pristine copies under <c>.starter/</c> instead of the learner's files.</param>
    /// <returns>The hash ("" for a missing handler).</returns>
    public static string LearnerHash(CourseExercise exercise, bool starter = false)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        string PathOf(string file) => starter ? exercise.StarterCopy(file) : Path.Combine(exercise.Directory, file);
        var handler = Hash(PathOf(exercise.HandlerFile));
        if (exercise.OtherLearnerFiles.Count == 0)
        {
            return handler;
        }

        var all = new StringBuilder().Append(exercise.HandlerFile).Append('\0').Append(handler).Append('\0');
        foreach (var file in exercise.OtherLearnerFiles)
        {
            all.Append(file).Append('\0').Append(Hash(PathOf(file))).Append('\0');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(all.ToString())));
    }
}
