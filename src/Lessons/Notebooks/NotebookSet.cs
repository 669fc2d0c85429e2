using System.Text;
using Course.Lessons.Content;

namespace Course.Lessons.Notebooks;

/// <summary>
/// All notebooks of a course: <see cref="Build"/> writes <c>notebooks/NN-slug.ipynb</c> and <c>.cs</c> for every
/// lesson (and removes orphans); <see cref="Check"/> reports which are stale without writing anything.
/// </summary>
public sealed class NotebookSet
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly CoursePaths _paths;

    /// <summary>Creates the set for a course checkout.</summary>
    /// <param name="paths">Where the lessons and notebooks live.</param>
    public NotebookSet(CoursePaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        _paths = paths;
    }

    /// <summary>Compares every notebook with a fresh generation.</summary>
    /// <returns>One status per expected or orphaned file, sorted by path.</returns>
    /// <exception cref="LessonFormatException">A lesson is malformed.</exception>
    public IReadOnlyList<NotebookStatus> Check()
    {
        var result = new List<NotebookStatus>();
        foreach (var (relative, content) in Expected())
        {
            var path = Full(relative);
            var state = !File.Exists(path) ? NotebookState.Missing
                : File.ReadAllText(path, Utf8) == content ? NotebookState.UpToDate
                : NotebookState.Stale;
            result.Add(new NotebookStatus(relative, state));
        }

        result.AddRange(Orphans().Select(o => new NotebookStatus(o, NotebookState.Orphan)));
        return result.OrderBy(s => s.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>Writes every notebook whose content changed, and deletes orphans.</summary>
    /// <returns>The files written or deleted, with their state before the build.</returns>
    /// <exception cref="LessonFormatException">A lesson is malformed.</exception>
    public IReadOnlyList<NotebookStatus> Build()
    {
        var changed = Check().Where(s => s.State != NotebookState.UpToDate).ToList();
        Directory.CreateDirectory(_paths.Notebooks);
        var expected = Expected();
        foreach (var status in changed)
        {
            if (status.State == NotebookState.Orphan)
            {
                File.Delete(Full(status.Path));
            }
            else
            {
                File.WriteAllText(Full(status.Path), expected[status.Path], Utf8);
            }
        }

        return changed;
    }

    private SortedDictionary<string, string> Expected()
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var lesson in LessonLoader.LoadAll(_paths.Lessons))
        {
            var generated = NotebookGenerator.Generate(lesson);
            files[$"notebooks/{lesson.Id}.ipynb"] = generated.Ipynb;
            files[$"notebooks/{lesson.Id}.cs"] = generated.Script;
        }

        return files;
    }

    private IEnumerable<string> Orphans()
    {
        if (!Directory.Exists(_paths.Notebooks))
        {
            return [];
        }

        var lessons = Directory.Exists(_paths.Lessons)
            ? Directory.GetFiles(_paths.Lessons, "*.md").Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal)
            : [];
        return Directory.GetFiles(_paths.Notebooks)
            .Where(f => (f.EndsWith(".ipynb", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                        && char.IsAsciiDigit(Path.GetFileName(f)[0])
                        && !lessons.Contains(Path.GetFileNameWithoutExtension(f)))
            .Select(f => "notebooks/" + Path.GetFileName(f));
    }

    private string Full(string relative) => Path.Combine(_paths.Root, relative.Replace('/', Path.DirectorySeparatorChar));
}
