using System.Globalization;
using System.Text;
using Course.Lessons.Content;
using Course.Lessons.Markdown;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Course.Lessons.Site;

/// <summary>
/// Builds the static course site: <c>index.html</c> (course map and time plan), one page per lesson, one page
/// per exercise README, and bundled assets (CSS, JS, search index). No page makes an external request.
/// Output is deterministic: the same inputs give byte-identical files.
/// </summary>
public sealed class SiteBuilder
{
    private const string Marker = ".course-site";
    private readonly SiteOptions _options;

    /// <summary>Creates a builder.</summary>
    /// <param name="options">What to read and where to write.</param>
    public SiteBuilder(SiteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Builds the site, replacing a previous build in the output folder.</summary>
    /// <returns>What was written.</returns>
    /// <exception cref="LessonFormatException">A lesson is malformed.</exception>
    /// <exception cref="SiteBuildException">The output folder exists, is not empty and was not made by this builder.</exception>
    public SiteBuildResult Build()
    {
        var exercises = FindExercises();
        var lessonPipeline = LessonPipeline.Create(new LessonPipelineOptions
        {
            Instructor = _options.Instructor,
            ExerciseLink = id => exercises.ContainsKey(id) ? $"exercises/{id}.html" : null,
        });
        var exercisePipeline = LessonPipeline.Create(new LessonPipelineOptions
        {
            Instructor = _options.Instructor,
            ExerciseLink = id => exercises.ContainsKey(id) ? $"{id}.html" : null,
        });
        var lessons = LessonLoader.LoadAll(_options.LessonsDirectory, lessonPipeline);
        var layout = new PageLayout(_options.CourseTitle, lessons, _options.Instructor);
        var search = new SearchIndexBuilder();
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);

        files["index.html"] = layout.Render("Course map", string.Empty, null, IndexPage(lessons, exercises));
        for (var i = 0; i < lessons.Count; i++)
        {
            var lesson = lessons[i];
            var main = LessonPage(lesson, lessons, lessonPipeline, exercises, i > 0 ? lessons[i - 1] : null, i + 1 < lessons.Count ? lessons[i + 1] : null);
            files[lesson.Id + ".html"] = layout.Render(lesson.FrontMatter.Title, string.Empty, lesson.Id, main);
            search.Add(lesson.FrontMatter.Title, lesson.Id + ".html", lesson.Document,
                string.Join(' ', lesson.FrontMatter.Objectives.Concat(lesson.FrontMatter.KeyPoints)));
        }

        foreach (var exercise in exercises.Values)
        {
            var (title, document) = ReadExercise(exercise, exercisePipeline, files);
            var usedBy = lessons.Where(l => l.FrontMatter.Exercises.Contains(exercise.Id)).ToList();
            var main = new StringBuilder("<article class=\"exercise\">\n");
            main.Append("<p class=\"lesson-meta\">Exercise ").Append(PageLayout.E(exercise.Id)).Append("</p>\n");
            main.Append(exercisePipeline.Render(document));
            main.Append("<div class=\"box box-grade\"><h2>Grade it</h2><p>From the repository root: <code>./grade ")
                .Append(PageLayout.E(exercise.Id)).Append("</code></p></div>\n</article>\n");
            if (usedBy.Count > 0)
            {
                main.Append("<nav class=\"page-nav\">");
                foreach (var lesson in usedBy)
                {
                    main.Append("<a rel=\"up\" href=\"../").Append(lesson.Id).Append(".html\">↑ ").Append(PageLayout.E(lesson.FrontMatter.Title)).Append("</a>");
                }

                main.Append("</nav>\n");
            }

            files[$"exercises/{exercise.Id}.html"] = layout.Render(title, "../", usedBy.FirstOrDefault()?.Id, main.ToString());
            search.Add(title, $"exercises/{exercise.Id}.html", document, string.Empty);
        }

        files["assets/site.css"] = Asset("site.css");
        files["assets/site.js"] = Asset("site.js");
        files["assets/search-index.js"] = search.ToScript();
        Write(files);
        return new SiteBuildResult(Path.GetFullPath(_options.OutputDirectory), files.Keys.ToList(), lessons.Count, exercises.Count);
    }

    private SortedDictionary<string, ExercisePage> FindExercises()
    {
        var result = new SortedDictionary<string, ExercisePage>(StringComparer.Ordinal);
        if (!Directory.Exists(_options.ExercisesDirectory))
        {
            return result;
        }

        foreach (var dir in Directory.GetDirectories(_options.ExercisesDirectory))
        {
            var readme = Path.Combine(dir, "README.md");
            var id = Path.GetFileName(dir);
            if (File.Exists(readme) && char.IsAsciiDigit(id[0]))
            {
                result[id] = new ExercisePage(id, dir, readme);
            }
        }

        return result;
    }

    private static (string Title, MarkdownDocument Document) ReadExercise(ExercisePage exercise, LessonPipeline pipeline, SortedDictionary<string, string> files)
    {
        var document = pipeline.Parse(File.ReadAllText(exercise.ReadmePath).Replace("\r\n", "\n", StringComparison.Ordinal));
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.Url is not { Length: > 0 } url || url.StartsWith('#') || url.StartsWith('/') || url.Contains(':', StringComparison.Ordinal))
            {
                continue;
            }

            // README links point at lessons as ../../lessons/NN-slug.md; on the site that is ../NN-slug.html.
            if (url.StartsWith("../../lessons/", StringComparison.Ordinal) && url.EndsWith(".md", StringComparison.Ordinal))
            {
                link.Url = "../" + url["../../lessons/".Length..^3] + ".html";
                continue;
            }

            // Files of the exercise (the starter code) are copied next to the page; the solution never is.
            var target = Path.GetFullPath(Path.Combine(exercise.Directory, url.Split('#')[0]));
            var relative = Path.GetRelativePath(exercise.Directory, target).Replace('\\', '/');
            if (File.Exists(target) && !relative.StartsWith("..", StringComparison.Ordinal) && !relative.StartsWith("solution/", StringComparison.Ordinal))
            {
                files[$"exercises/{exercise.Id}/{relative}"] = File.ReadAllText(target).Replace("\r\n", "\n", StringComparison.Ordinal);
                link.Url = $"{exercise.Id}/{relative}";
            }
            else
            {
                Unlink(link);
            }
        }

        var heading = document.Descendants<HeadingBlock>().FirstOrDefault(h => h.Level == 1);
        var title = heading?.Inline?.FirstChild is LiteralInline literal ? literal.Content.ToString() : exercise.Id;
        return (title, document);
    }

    private static void Unlink(LinkInline link)
    {
        foreach (var child in link.ToList())
        {
            child.Remove();
            link.InsertBefore(child);
        }

        link.Remove();
    }

    private string IndexPage(IReadOnlyList<Lesson> lessons, SortedDictionary<string, ExercisePage> exercises)
    {
        var html = new StringBuilder();
        var total = lessons.Sum(l => l.FrontMatter.Minutes);
        html.Append("<article class=\"index\">\n<h1>").Append(PageLayout.E(_options.CourseTitle)).Append("</h1>\n")
            .Append("<p class=\"lead\">Event-driven serverless with AWS Lambda, taught in C# on a simulator: no AWS account needed. ")
            .Append("Read a lesson here, run its notebook in VS Code (<code>notebooks/</code>, or <code>dotnet run notebooks/NN-slug.cs</code>), ")
            .Append("then solve its exercises and check them with <code>./grade &lt;exercise&gt;</code>.</p>\n");
        html.Append("<h2 id=\"course-map\">Course map</h2>\n<table class=\"course-map\">\n<thead><tr><th>#</th><th>Lesson</th><th>Minutes</th><th>Exercises</th></tr></thead>\n<tbody>\n");
        foreach (var lesson in lessons)
        {
            html.Append("<tr><td>").Append(lesson.Number).Append("</td><td><a href=\"").Append(lesson.Id).Append(".html\">")
                .Append(PageLayout.E(lesson.FrontMatter.Title)).Append("</a></td><td>").Append(lesson.FrontMatter.Minutes.ToString(CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(ExerciseLinks(lesson.FrontMatter.Exercises, exercises, "exercises/")).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n<tfoot><tr><td></td><td>Total</td><td>").Append(total.ToString(CultureInfo.InvariantCulture))
            .Append("</td><td></td></tr></tfoot>\n</table>\n");
        html.Append("<h2 id=\"time-plan\">Time plan</h2>\n<p>Teaching time only; exercises are done after each lesson or as homework. A 15-minute break follows every 90 minutes or so.</p>\n")
            .Append("<table class=\"time-plan\">\n<thead><tr><th>Start</th><th>Session</th><th>Minutes</th></tr></thead>\n<tbody>\n");
        foreach (var slot in TimePlan.For(lessons))
        {
            html.Append("<tr").Append(slot.IsBreak ? " class=\"break\"" : string.Empty).Append("><td>").Append(TimePlan.Format(slot.Start))
                .Append("</td><td>").Append(PageLayout.E(slot.Title)).Append("</td><td>").Append(slot.Minutes.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</article>\n");
        return html.ToString();
    }

    private static string LessonPage(Lesson lesson, IReadOnlyList<Lesson> all, LessonPipeline pipeline, SortedDictionary<string, ExercisePage> exercises, Lesson? previous, Lesson? next)
    {
        var fm = lesson.FrontMatter;
        var html = new StringBuilder("<article class=\"lesson\">\n<header class=\"lesson-header\">\n");
        html.Append("<p class=\"lesson-meta\">Lesson ").Append(fm.Id[..2]).Append(" · ").Append(fm.Minutes.ToString(CultureInfo.InvariantCulture)).Append(" min</p>\n")
            .Append("<h1>").Append(PageLayout.E(fm.Title)).Append("</h1>\n");
        if (fm.Prerequisites.Count > 0)
        {
            html.Append("<p class=\"prerequisites\">Before this: ")
                .Append(string.Join(", ", fm.Prerequisites.Select(p => all.FirstOrDefault(l => l.Id == p) is { } other
                    ? $"<a href=\"{p}.html\">{PageLayout.E(other.FrontMatter.Title)}</a>"
                    : $"<span class=\"pending\" title=\"not written yet\">{PageLayout.E(p)}</span>"))).Append("</p>\n");
        }

        html.Append("</header>\n<div class=\"box box-overview\">\n");
        if (fm.Questions.Count > 0)
        {
            html.Append("<div><h2>Questions</h2>\n").Append(List(fm.Questions, pipeline)).Append("</div>\n");
        }

        html.Append("<div><h2>Objectives</h2>\n").Append(List(fm.Objectives, pipeline)).Append("</div>\n</div>\n");
        html.Append(pipeline.Render(lesson.Document));
        html.Append("<div class=\"box box-keypoints\">\n<h2>Key points</h2>\n").Append(List(fm.KeyPoints, pipeline)).Append("</div>\n");
        if (fm.Exercises.Count > 0)
        {
            html.Append("<div class=\"box box-exercises\">\n<h2>Exercises</h2>\n<p>").Append(ExerciseLinks(fm.Exercises, exercises, "exercises/"))
                .Append("</p>\n<p>Grade one with <code>./grade &lt;exercise&gt;</code> from the repository root.</p>\n</div>\n");
        }

        html.Append("</article>\n<nav class=\"page-nav\" aria-label=\"Previous and next lesson\">\n");
        html.Append(previous is null
            ? "<a rel=\"prev\" href=\"index.html\">← Course map</a>\n"
            : $"<a rel=\"prev\" href=\"{previous.Id}.html\">← {PageLayout.E(previous.FrontMatter.Title)}</a>\n");
        html.Append(next is null
            ? "<a rel=\"next\" href=\"index.html\">Course map →</a>\n"
            : $"<a rel=\"next\" href=\"{next.Id}.html\">{PageLayout.E(next.FrontMatter.Title)} →</a>\n");
        html.Append("</nav>\n");
        return html.ToString();
    }

    private static string List(IReadOnlyList<string> items, LessonPipeline pipeline)
    {
        var html = new StringBuilder("<ul>\n");
        foreach (var item in items)
        {
            var rendered = pipeline.ToHtml(item).Trim();
            if (rendered.StartsWith("<p>", StringComparison.Ordinal) && rendered.EndsWith("</p>", StringComparison.Ordinal))
            {
                rendered = rendered[3..^4];
            }

            html.Append("<li>").Append(rendered).Append("</li>\n");
        }

        return html.Append("</ul>\n").ToString();
    }

    private static string ExerciseLinks(IReadOnlyList<string> ids, SortedDictionary<string, ExercisePage> exercises, string prefix) =>
        string.Join(", ", ids.Select(id => exercises.ContainsKey(id)
            ? $"<a href=\"{prefix}{id}.html\">{PageLayout.E(id)}</a>"
            : $"<span class=\"pending\" title=\"not written yet\">{PageLayout.E(id)}</span>"));

    private static string Asset(string name)
    {
        using var stream = typeof(SiteBuilder).Assembly.GetManifestResourceStream("Course.Lessons.Site.Assets." + name)
            ?? throw new InvalidOperationException($"The embedded asset '{name}' is missing from {typeof(SiteBuilder).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private void Write(SortedDictionary<string, string> files)
    {
        var output = Path.GetFullPath(_options.OutputDirectory);
        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
        {
            if (!File.Exists(Path.Combine(output, Marker)))
            {
                throw new SiteBuildException(
                    $"The output folder '{output}' is not empty and was not made by 'course site build'; choose another folder with --out, or empty it.");
            }

            foreach (var entry in Directory.EnumerateFileSystemEntries(output))
            {
                if (Directory.Exists(entry))
                {
                    Directory.Delete(entry, recursive: true);
                }
                else if (Path.GetFileName(entry) != Marker)
                {
                    File.Delete(entry);
                }
            }
        }

        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, Marker), "Made by 'course site build'; the whole folder is replaced on each build.\n");
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        foreach (var (relative, content) in files)
        {
            var path = Path.Combine(output, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content, utf8);
        }
    }
}
