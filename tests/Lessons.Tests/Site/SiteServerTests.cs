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
        using var builds = new BuildLog(server);
        server.Start();
        Assert.Equal(1, builds.Count);   // Start builds once, before it listens
        using var http = new HttpClient { BaseAddress = server.Address };
        Assert.DoesNotContain("Renamed lesson", await http.GetStringAsync("/01-alpha.html"), StringComparison.Ordinal);

        var path = Path.Combine(lessons, "01-alpha.md");
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("title: Alpha lesson", "title: Renamed lesson", StringComparison.Ordinal));

        // Only a build that started after the write can satisfy this: it must have read the new title.
        var page = Path.Combine(options.OutputDirectory, "01-alpha.html");
        Assert.True(await builds.WaitUntilAsync(() => server.LastError is null && File.ReadAllText(page).Contains("Renamed lesson", StringComparison.Ordinal), TimeSpan.FromSeconds(15)),
            $"no rebuild showed the changed lesson; builds: {builds}");
        Assert.Contains("Renamed lesson", await http.GetStringAsync("/01-alpha.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_BrokenLesson_KeepsServingAndReportsTheError()
    {
        var (options, lessons) = CopyFixture();
        using var server = new SiteServer(options, port: 0, watch: true);
        using var builds = new BuildLog(server);
        server.Start();
        Assert.Equal(1, builds.Count);
        Assert.Null(server.LastError);

        await File.WriteAllTextAsync(Path.Combine(lessons, "02-beta.md"), "no front matter\n");

        Assert.True(await builds.WaitUntilAsync(() => server.LastError is not null, TimeSpan.FromSeconds(15)), $"no rebuild failed on the broken lesson; builds: {builds}");
        Assert.Contains("02-beta.md:1:1: error:", server.LastError, StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = server.Address };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/index.html")).StatusCode);
    }

    /// <summary>
    /// The server's builds as they happen. <see cref="WaitUntilAsync"/> waits for a build whose result shows the
    /// change the test made (the condition reads the output or the error), not for "a build": an earlier one (the
    /// one <see cref="SiteServer.Start"/> runs, or one an earlier file event triggered, finishing late) cannot
    /// answer for it, and a build that ended before the wait began still counts.
    /// </summary>
    private sealed class BuildLog : IDisposable
    {
        private readonly SiteServer _server;
        private readonly SemaphoreSlim _ended = new(0);
        private readonly List<string> _messages = [];

        public BuildLog(SiteServer server)
        {
            _server = server;
            _server.Rebuilt += OnRebuilt;
        }

        public int Count
        {
            get
            {
                lock (_messages)
                {
                    return _messages.Count;
                }
            }
        }

        public async Task<bool> WaitUntilAsync(Func<bool> done, TimeSpan timeout)
        {
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                while (!done())
                {
                    await _ended.WaitAsync(cancel.Token);
                }
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        public override string ToString()
        {
            lock (_messages)
            {
                return string.Join("; ", _messages);
            }
        }

        public void Dispose()
        {
            _server.Rebuilt -= OnRebuilt;
            _ended.Dispose();
        }

        private void OnRebuilt(string message)
        {
            lock (_messages)
            {
                _messages.Add(message);
            }
            _ended.Release();
        }
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
