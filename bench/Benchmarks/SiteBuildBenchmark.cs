using BenchmarkDotNet.Attributes;
using Course.Lessons.Content;
using Course.Lessons.Site;

namespace Benchmarks;

/// <summary>
/// <c>course site build</c> of the whole course (every lesson in lessons/, every exercise page) into a temporary
/// folder, warm: the Markdown pipeline and the lesson extensions are built once per process, as in the tool. The
/// target is 2 s per build (formerly a wall-clock assertion in SiteBuilderTests; README "Performance" has the figure).
/// </summary>
[MemoryDiagnoser]
public class SiteBuildBenchmark
{
    private SiteOptions _options = null!;

    /// <summary>Finds the checkout the benchmark runs from and picks an output folder of its own.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var course = CoursePaths.Find(AppContext.BaseDirectory);
        _options = new SiteOptions
        {
            LessonsDirectory = course.Lessons,
            ExercisesDirectory = course.Exercises,
            OutputDirectory = Path.Combine(Path.GetTempPath(), "course-site-benchmark-" + Environment.ProcessId),
        };
    }

    /// <summary>Builds the site; returns the number of lessons built.</summary>
    [Benchmark]
    public int AllLessons() => new SiteBuilder(_options).Build().LessonCount;

    /// <summary>Removes the output folder.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_options.OutputDirectory))
        {
            Directory.Delete(_options.OutputDirectory, recursive: true);
        }
    }
}
