using Course.Grading.Exercises;
using Course.Grading.Exercises.Model;

namespace Course.Cli.Exercises;

/// <summary>
/// The course on disk: the root folder (holding <c>exercises/</c> and <c>lessons/</c>), its exercises in order, and
/// resolution of what a learner types (<c>01</c>, <c>01-hello-api</c>, <c>hello-api</c>, <c>exercises/01-hello-api</c>).
/// </summary>
internal sealed class CourseLayout
{
    private CourseLayout(string root) => Root = root;

    /// <summary>The course root (absolute).</summary>
    public string Root { get; }

    /// <summary>Where the tool keeps its own state (<c>.build/</c>, ignored by git).</summary>
    public string BuildDirectory => Path.Combine(Root, ".build");

    /// <summary>Finds the course root at or above a folder: the first folder with an <c>exercises/</c> folder holding an exercise.</summary>
    /// <param name="start">Where to start looking.</param>
    /// <returns>The layout, or null when not inside a course.</returns>
    public static CourseLayout? Find(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            var exercises = Path.Combine(dir.FullName, "exercises");
            if (Directory.Exists(exercises) && Directory.EnumerateFiles(exercises, ExerciseLoader.FileName, SearchOption.AllDirectories).Any())
            {
                return new CourseLayout(dir.FullName);
            }
        }

        return null;
    }

    /// <summary>The layout whose <c>exercises/</c> folder holds this exercise folder, or null (an exercise outside a course).</summary>
    /// <param name="exerciseDirectory">An exercise folder.</param>
    /// <returns>The layout or null.</returns>
    public static CourseLayout? ForExercise(string exerciseDirectory)
    {
        var parent = Directory.GetParent(Path.GetFullPath(exerciseDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        return parent is { Name: "exercises", Parent: { } root } ? new CourseLayout(root.FullName) : null;
    }

    /// <summary>The course's exercises, ordered by folder name.</summary>
    /// <returns>The exercises.</returns>
    public IReadOnlyList<CourseExercise> Exercises()
    {
        var folder = Path.Combine(Root, "exercises");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.GetDirectories(folder)
            .Where(d => File.Exists(Path.Combine(d, ExerciseLoader.FileName)))
            .OrderBy(d => d, StringComparer.Ordinal)
            .Select(Describe)
            .ToList();
    }

    /// <summary>Describes one exercise folder (tolerates a malformed exercise.yaml: grading reports that).</summary>
    /// <param name="directory">The folder.</param>
    /// <returns>The exercise.</returns>
    public static CourseExercise Describe(string directory)
    {
        var id = Path.GetFileName(Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        try
        {
            var definition = ExerciseLoader.Load(directory);
            var others = new List<string>();
            if (definition.Trigger.LearnerSettingsFile is { } settings)
            {
                others.Add(settings);
            }

            others.AddRange(definition.LearnerFiles.Select(f => f.Name));
            return new CourseExercise(id, Path.GetFullPath(directory), definition.Title, definition.Lesson, definition.Handler.File, definition.MaxScore)
            {
                OtherLearnerFiles = others,
            };
        }
        catch (ExerciseFormatException)
        {
            return new CourseExercise(id, Path.GetFullPath(directory), "", "", "Function.cs", 0);
        }
    }

    /// <summary>
    /// Resolves what the learner typed: an existing folder with an exercise.yaml, else an exercise id (<c>01-hello-api</c>),
    /// its number (<c>01</c> or <c>1</c>) or its name without the number (<c>hello-api</c>).
    /// </summary>
    /// <param name="text">What was typed.</param>
    /// <param name="error">Why nothing matched, with the exercises there are.</param>
    /// <returns>The exercise folder, or null.</returns>
    public string? Resolve(string text, out string error)
    {
        error = "";
        if (Path.IsPathRooted(text) && File.Exists(Path.Combine(text, ExerciseLoader.FileName)))
        {
            return Path.GetFullPath(text);
        }

        var exercises = Exercises();
        var name = text.Replace('\\', '/').TrimEnd('/');
        if (name.StartsWith("exercises/", StringComparison.Ordinal))
        {
            name = name["exercises/".Length..];
        }

        var matches = exercises.Where(e => e.Id == name).ToList();
        if (matches.Count == 0 && int.TryParse(name, out var number))
        {
            matches = exercises.Where(e => int.TryParse(e.Number, out var n) && n == number).ToList();
        }

        if (matches.Count == 0)
        {
            matches = exercises.Where(e => e.Id.EndsWith("-" + name, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        if (matches.Count == 1)
        {
            return matches[0].Directory;
        }

        var known = string.Join(", ", exercises.Select(e => e.Id));
        error = matches.Count > 1
            ? $"'{text}' matches several exercises ({string.Join(", ", matches.Select(m => m.Id))}); type the whole name."
            : $"no exercise '{text}'. The exercises are: {known} (type a number such as {(exercises.Count > 0 ? exercises[0].Number : "01")}, or a whole name).";
        return null;
    }

    /// <summary>The lesson file for a lesson id (<c>lessons/&lt;id&gt;.md</c>), or null when absent.</summary>
    /// <param name="lessonId">The lesson id.</param>
    /// <returns>The absolute path or null.</returns>
    public string? LessonFile(string lessonId)
    {
        var path = Path.Combine(Root, "lessons", lessonId + ".md");
        return lessonId.Length > 0 && File.Exists(path) ? path : null;
    }

    /// <summary>The lesson ids in order (from <c>lessons/NN-*.md</c>).</summary>
    /// <returns>The ids.</returns>
    public IReadOnlyList<string> Lessons()
    {
        var folder = Path.Combine(Root, "lessons");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.md").Select(f => Path.GetFileNameWithoutExtension(f)).Where(n => n.Length > 2 && char.IsAsciiDigit(n[0])).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>The title of a lesson (its front matter's <c>title:</c>), or the id.</summary>
    /// <param name="lessonId">The lesson id.</param>
    /// <returns>The title.</returns>
    public string LessonTitle(string lessonId)
    {
        if (LessonFile(lessonId) is not { } file)
        {
            return lessonId;
        }

        var line = File.ReadLines(file).Take(20).FirstOrDefault(l => l.StartsWith("title:", StringComparison.Ordinal));
        return line is null ? lessonId : line["title:".Length..].Trim().Trim('"', '\'');
    }

    /// <summary>A path for messages: relative to the current folder (forward slashes) when under it, else absolute.</summary>
    /// <param name="path">An absolute path.</param>
    /// <returns>The display path.</returns>
    public static string Display(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative).Replace('\\', '/');
    }
}
