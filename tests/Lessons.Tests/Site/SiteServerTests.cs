using System.Net;
using Course.Lessons.Site;

namespace Course.Lessons.Tests.Site;

public sealed class SiteServerTests
{
    [Fact]
    public async Task Serve_BuiltSite_ServesPagesOnLoopbackAnd404sTheRest()
    {
        var (options, _) = CopyFixture();
        using var server = new SiteServer(options, port: 0, watch: false);
        server.Start();
        using var http = new HttpClient { BaseAddress = server.Address };

        Assert.Equal("127.0.0.1", server.Address.Host);
        var index = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("text/html", index.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Alpha lesson", await index.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/css", (await http.GetAsync("/assets/site.css")).Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/nope.html")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/..%2f..%2fetc%2fpasswd")).StatusCode);
    }

    [Fact]
    public async Task Serve_LessonChanges_RebuildsAndServesTheNewPage()
    {
        var (options, lessons) = CopyFixture();
        using var server = new SiteServer(options, port: 0, watch: true);
        using var rebuilt = new SemaphoreSlim(0);
        server.Rebuilt += _ => rebuilt.Release();
        server.Start();
        await rebuilt.WaitAsync(TimeSpan.FromSeconds(10));
        using var http = new HttpClient { BaseAddress = server.Address };

        var path = Path.Combine(lessons, "01-alpha.md");
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("title: Alpha lesson", "title: Renamed lesson", StringComparison.Ordinal));

        Assert.True(await rebuilt.WaitAsync(TimeSpan.FromSeconds(15)), "no rebuild after the lesson changed");
        Assert.Null(server.LastError);
        Assert.Contains("Renamed lesson", await http.GetStringAsync("/01-alpha.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_BrokenLesson_KeepsServingAndReportsTheError()
    {
        var (options, lessons) = CopyFixture();
        using var server = new SiteServer(options, port: 0, watch: true);
        using var rebuilt = new SemaphoreSlim(0);
        server.Rebuilt += _ => rebuilt.Release();
        server.Start();
        await rebuilt.WaitAsync(TimeSpan.FromSeconds(10));

        await File.WriteAllTextAsync(Path.Combine(lessons, "02-beta.md"), "no front matter\n");

        Assert.True(await rebuilt.WaitAsync(TimeSpan.FromSeconds(15)), "no rebuild after the lesson changed");
        Assert.Contains("02-beta.md:1:1: error:", server.LastError, StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = server.Address };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/index.html")).StatusCode);
    }

    private static (SiteOptions Options, string Lessons) CopyFixture()
    {
        var root = TestPaths.NewTempDirectory("site-serve");
        var source = Path.Combine(TestPaths.Expectations, "Site", "input");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return (new SiteOptions
        {
            LessonsDirectory = Path.Combine(root, "lessons"),
            ExercisesDirectory = Path.Combine(root, "exercises"),
            OutputDirectory = Path.Combine(root, "_site"),
        }, Path.Combine(root, "lessons"));
    }
}
