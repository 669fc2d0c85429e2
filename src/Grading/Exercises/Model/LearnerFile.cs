namespace Course.Grading.Exercises.Model;

/// <summary>
/// A file the learner edits beside the handler (exercise.yaml's <c>learnerFiles:</c>, e.g. a SAM <c>template.yaml</c>
/// or an Amazon States Language definition): the graded artefact when the exercise is about configuration rather than
/// code. The grader resolves it as it resolves learner settings — <c>&lt;handler name&gt;.&lt;file&gt;</c> first (so a
/// test fixture <c>NoEvents.cs</c> can carry <c>NoEvents.template.yaml</c>), then <c>&lt;file&gt;</c>, in the handler's
/// folder — and ships its text to the worker with the exercise.
/// </summary>
/// <param name="Name">The name exercise.yaml lists (e.g. <c>template.yaml</c>).</param>
/// <param name="Path">The full path of the file that was read; null before the grader resolved it or when it is missing.</param>
/// <param name="DisplayPath">The path as messages show it (relative to where the learner runs <c>./grade</c>); null when missing.</param>
/// <param name="Text">The file's text; null when it is missing.</param>
public sealed record LearnerFile(string Name, string? Path = null, string? DisplayPath = null, string? Text = null)
{
    /// <summary>
    /// Where a learner-owned file named <paramref name="name"/> is for the handler at <paramref name="handlerPath"/>:
    /// <c>&lt;handler name&gt;.&lt;name&gt;</c> when it exists, else <c>&lt;name&gt;</c>, both in the handler's folder.
    /// The one lookup rule for learner settings and learner files.
    /// </summary>
    /// <param name="handlerPath">The full path of the graded handler file.</param>
    /// <param name="name">The file name exercise.yaml gives.</param>
    /// <returns>The path to read; it may not exist.</returns>
    public static string Locate(string handlerPath, string name)
    {
        ArgumentNullException.ThrowIfNull(handlerPath);
        ArgumentNullException.ThrowIfNull(name);
        var folder = System.IO.Path.GetDirectoryName(handlerPath) ?? ".";
        var specific = System.IO.Path.Combine(folder, $"{System.IO.Path.GetFileNameWithoutExtension(handlerPath)}.{name}");
        return File.Exists(specific) ? specific : System.IO.Path.Combine(folder, name);
    }

    /// <summary>This file resolved for the handler at <paramref name="handlerPath"/>: its path, display path and text (or null when missing).</summary>
    /// <param name="handlerPath">The full path of the graded handler file.</param>
    /// <param name="display">Turns a full path into the name used in messages.</param>
    /// <returns>The resolved file.</returns>
    public LearnerFile Resolve(string handlerPath, Func<string, string> display)
    {
        ArgumentNullException.ThrowIfNull(display);
        var path = Locate(handlerPath, Name);
        return File.Exists(path)
            ? this with { Path = path, DisplayPath = display(path), Text = File.ReadAllText(path) }
            : this with { Path = null, DisplayPath = null, Text = null };
    }
}
