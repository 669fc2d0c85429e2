using System.Collections.Concurrent;
using System.Text.Json;
using Course.Lessons.Content;
using Course.Lessons.Site;

namespace Course.Lessons.Tests.Site;

/// <summary>
/// Headless Chromium opens the built site served on 127.0.0.1, follows the navigation through every lesson,
/// opens a solution, searches, toggles the theme, takes a screenshot, and finds no broken link, no request
/// leaving the site and no console error.
/// </summary>
public sealed class SiteBrowserTests
{
    [BrowserFact]
    public async Task Site_InChromium_NavigatesOpensSolutionAndHasNoBrokenLinksOrConsoleErrors()
    {
        var output = TestPaths.NewTempDirectory("site-browser");
        var options = new SiteOptions { LessonsDirectory = TestPaths.Course.Lessons, ExercisesDirectory = TestPaths.Course.Exercises, OutputDirectory = output };
        using var server = new SiteServer(options, port: 0, watch: false);
        server.Start();
        var origin = server.Address.ToString().TrimEnd('/');
        var lessons = LessonLoader.LoadAll(TestPaths.Course.Lessons);

        await using var browser = await Browser.LaunchAsync();
        var page = browser.Page;
        var errors = new ConcurrentQueue<string>();
        var requests = new ConcurrentQueue<string>();
        var loaded = new TaskCompletionSource();
        page.Event += (method, p) =>
        {
            switch (method)
            {
                case "Runtime.exceptionThrown":
                    errors.Enqueue("exception: " + p.GetProperty("exceptionDetails"));
                    break;
                case "Runtime.consoleAPICalled" when p.GetProperty("type").GetString() is "error" or "assert":
                    errors.Enqueue("console.error: " + p.GetProperty("args"));
                    break;
                case "Log.entryAdded" when p.GetProperty("entry").GetProperty("level").GetString() == "error":
                    errors.Enqueue("log: " + p.GetProperty("entry").GetProperty("text").GetString() + " " +
                                   (p.GetProperty("entry").TryGetProperty("url", out var u) ? u.GetString() : string.Empty));
                    break;
                case "Network.requestWillBeSent":
                    requests.Enqueue(p.GetProperty("request").GetProperty("url").GetString()!);
                    break;
                case "Network.responseReceived" when p.GetProperty("response").GetProperty("status").GetInt32() >= 400:
                    errors.Enqueue($"HTTP {p.GetProperty("response").GetProperty("status").GetInt32()}: {p.GetProperty("response").GetProperty("url").GetString()}");
                    break;
                case "Page.loadEventFired":
                    loaded.TrySetResult();
                    break;
            }
        };
        foreach (var domain in new[] { "Page.enable", "Runtime.enable", "Log.enable", "Network.enable" })
        {
            await page.SendAsync(domain);
        }

        var links = new SortedSet<string>(StringComparer.Ordinal);

        async Task<string> WaitForLoadAsync(Func<Task> navigate)
        {
            loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await navigate();
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var here = (await page.EvaluateAsync("location.href")).GetString()!;
            foreach (var href in (await page.EvaluateAsync("Array.from(document.querySelectorAll('a[href]')).map(a => a.href)")).EnumerateArray())
            {
                links.Add(href.GetString()!);
            }

            return here;
        }

        // The index, then the first lesson from the course map.
        await WaitForLoadAsync(() => page.SendAsync("Page.navigate", new { url = origin + "/index.html" }));
        Assert.Equal(lessons.Count, (await page.EvaluateAsync("document.querySelectorAll('table.course-map tbody tr').length")).GetInt32());
        var at = await WaitForLoadAsync(() => page.EvaluateAsync("document.querySelector('table.course-map a').click()"));
        Assert.Equal($"{origin}/{lessons[0].Id}.html", at);

        // Follow "next" through every lesson; the last one leads back to the course map.
        for (var i = 1; i <= lessons.Count; i++)
        {
            at = await WaitForLoadAsync(() => page.EvaluateAsync("document.querySelector('a[rel=next]').click()"));
            Assert.Equal(i < lessons.Count ? $"{origin}/{lessons[i].Id}.html" : $"{origin}/index.html", at);
        }

        // Back to a lesson with a solution: it starts closed and opens on a click.
        await WaitForLoadAsync(() => page.SendAsync("Page.navigate", new { url = $"{origin}/{lessons[0].Id}.html" }));
        Assert.False((await page.EvaluateAsync("document.querySelector('details.solution').open")).GetBoolean());
        Assert.True((await page.EvaluateAsync("(() => { const d = document.querySelector('details.solution'); d.querySelector('summary').click(); return d.open; })()")).GetBoolean());
        await page.EvaluateAsync("document.querySelector('details.solution').scrollIntoView()");

        // Every engine-drawn chart renders as an SVG with a visible size (lesson 09's crossover chart among them).
        foreach (var lesson in lessons.Where(l => l.Body.Contains(":::chart ", StringComparison.Ordinal)))
        {
            await WaitForLoadAsync(() => page.SendAsync("Page.navigate", new { url = $"{origin}/{lesson.Id}.html" }));
            var charts = await page.EvaluateAsync("Array.from(document.querySelectorAll('figure.chart svg')).map(s => s.getBoundingClientRect().width > 200 && s.querySelectorAll('polyline, line, circle').length > 0)");
            Assert.NotEmpty(charts.EnumerateArray());
            Assert.All(charts.EnumerateArray(), c => Assert.True(c.GetBoolean(), $"{lesson.Id}: a chart has no size or no marks"));
        }

        await WaitForLoadAsync(() => page.SendAsync("Page.navigate", new { url = $"{origin}/{lessons[0].Id}.html" }));

        // Search finds the lesson; the theme toggle switches the colour scheme.
        var hits = await page.EvaluateAsync("""
            (() => { const i = document.getElementById('search-input'); i.value = 'free tier'; i.dispatchEvent(new Event('input'));
                     return Array.from(document.querySelectorAll('#search-results a')).map(a => a.getAttribute('href')); })()
            """);
        Assert.Contains(hits.EnumerateArray(), h => h.GetString()!.StartsWith(lessons[0].Id + ".html", StringComparison.Ordinal));
        await page.EvaluateAsync("document.getElementById('search-input').value = ''; document.getElementById('search-input').dispatchEvent(new Event('input'))");
        var before = (await page.EvaluateAsync("getComputedStyle(document.body).backgroundColor")).GetString();
        await page.EvaluateAsync("document.getElementById('theme-toggle').click()");
        Assert.NotEqual(before, (await page.EvaluateAsync("getComputedStyle(document.body).backgroundColor")).GetString());
        await page.EvaluateAsync("document.getElementById('theme-toggle').click()");

        var shot = await page.SendAsync("Page.captureScreenshot", new { format = "png" });
        var png = Convert.FromBase64String(shot.GetProperty("data").GetString()!);
        var shotPath = Path.Combine(AppContext.BaseDirectory, "site-screenshot.png");
        await File.WriteAllBytesAsync(shotPath, png);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
        Assert.True(png.Length > 10_000, $"the screenshot ({shotPath}) looks empty: {png.Length} bytes");

        // Every internal link resolves (and its #anchor exists); no request left 127.0.0.1.
        using var http = new HttpClient();
        var broken = new List<string>();
        foreach (var link in links.Where(l => l.StartsWith(origin, StringComparison.Ordinal)))
        {
            var hash = link.IndexOf('#', StringComparison.Ordinal);
            var url = hash < 0 ? link : link[..hash];
            var response = await http.GetAsync(url);
            if (!response.IsSuccessStatusCode)
            {
                broken.Add($"{link} → {(int)response.StatusCode}");
            }
            else if (hash >= 0 && !(await response.Content.ReadAsStringAsync()).Contains($"id=\"{link[(hash + 1)..]}\"", StringComparison.Ordinal))
            {
                broken.Add($"{link} → no element with that id");
            }
        }

        Assert.True(broken.Count == 0, "Broken links:\n" + string.Join('\n', broken));
        Assert.True(links.Count >= lessons.Count + 1);
        var external = requests.Where(r => !r.StartsWith(origin, StringComparison.Ordinal) && !r.StartsWith("data:", StringComparison.Ordinal) && r != "about:blank").ToList();
        Assert.True(external.Count == 0, "Requests outside the site:\n" + string.Join('\n', external));
        Assert.True(errors.IsEmpty, "Console or network errors:\n" + string.Join('\n', errors));
    }
}
