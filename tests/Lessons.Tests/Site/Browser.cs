using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Course.Lessons.Tests.Site;

/// <summary>Starts Debian's headless Chromium with a fresh profile and opens a DevTools session on its page.</summary>
internal sealed class Browser : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _profile;

    private Browser(Process process, string profile, CdpSession page)
    {
        _process = process;
        _profile = profile;
        Page = page;
    }

    public CdpSession Page { get; }

    /// <summary>The Chromium executable: COURSE_CHROMIUM, else chromium or chromium-browser on well-known paths.</summary>
    public static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("COURSE_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        return new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium" }.FirstOrDefault(File.Exists);
    }

    public static async Task<Browser> LaunchAsync()
    {
        var executable = Find() ?? throw new InvalidOperationException("Chromium is required (COURSE_REQUIRE_BROWSER is set) but not installed: apt-get install -y chromium");
        var profile = TestPaths.NewTempDirectory("chromium-profile");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                     "--disable-sync", "--disable-component-update", "--disable-quic", "--disable-dev-shm-usage",
                     "--window-size=1280,900", $"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank",
                 })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var portFile = Path.Combine(profile, "DevToolsActivePort");
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!File.Exists(portFile) || new FileInfo(portFile).Length == 0)
            {
                if (process.HasExited || DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"Chromium did not open its DevTools port (exited: {process.HasExited}).");
                }

                await Task.Delay(100);
            }

            var port = int.Parse((await File.ReadAllLinesAsync(portFile))[0], System.Globalization.CultureInfo.InvariantCulture);
            using var http = new HttpClient();
            JsonElement page = default;
            for (var i = 0; i < 50 && page.ValueKind == JsonValueKind.Undefined; i++)
            {
                var targets = await http.GetFromJsonAsync<JsonElement>($"http://127.0.0.1:{port}/json/list");
                page = targets.EnumerateArray().FirstOrDefault(t => t.GetProperty("type").GetString() == "page");
                if (page.ValueKind == JsonValueKind.Undefined)
                {
                    await Task.Delay(100);
                }
            }

            var session = new CdpSession();
            await session.ConnectAsync(new Uri(page.GetProperty("webSocketDebuggerUrl").GetString()!));
            return new Browser(process, profile, session);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Page.DisposeAsync();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold a lock file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
