using System.Net;
using System.Net.Sockets;

namespace Course.Lessons.Site;

/// <summary>
/// Serves a built site on <c>http://127.0.0.1:PORT/</c> for a workshop room, and rebuilds it when a lesson or
/// exercise file changes (a <see cref="FileSystemWatcher"/> with a short settle delay). Only loopback is bound.
/// </summary>
public sealed class SiteServer : IDisposable
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".png"] = "image/png",
        [".svg"] = "image/svg+xml",
        [".txt"] = "text/plain; charset=utf-8",
        [".cs"] = "text/plain; charset=utf-8",
        [".md"] = "text/plain; charset=utf-8",
        [".yaml"] = "text/plain; charset=utf-8",
    };

    private readonly SiteOptions _options;
    private readonly bool _watch;
    private readonly HttpListener _listener = new();
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Lock _gate = new();
    private Timer? _debounce;
    private Task? _loop;
    private int _rebuilds;

    /// <summary>Creates a server; call <see cref="Start"/> to build and listen.</summary>
    /// <param name="options">The site to build and serve.</param>
    /// <param name="port">The port on 127.0.0.1; 0 picks a free one. Default 0.</param>
    /// <param name="watch">Whether to rebuild on changes. Default true.</param>
    public SiteServer(SiteOptions options, int port = 0, bool watch = true)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        _options = options;
        _watch = watch;
        Port = port == 0 ? FreePort() : port;
        Address = new Uri($"http://127.0.0.1:{Port}/");
    }

    /// <summary>The port listened on.</summary>
    public int Port { get; }

    /// <summary>The site's address.</summary>
    public Uri Address { get; }

    /// <summary>How many builds have completed, the first included.</summary>
    public int BuildCount => Volatile.Read(ref _rebuilds);

    /// <summary>The error of the last build, or null if it succeeded; the previous site stays served.</summary>
    public string? LastError { get; private set; }

    /// <summary>Raised after each build with a one-line message (built or failed).</summary>
    public event Action<string>? Rebuilt;

    /// <summary>Builds the site once, then starts listening (and watching).</summary>
    /// <exception cref="HttpListenerException">The port is taken.</exception>
    public void Start()
    {
        Rebuild();
        _listener.Prefixes.Add(Address.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
        if (!_watch)
        {
            return;
        }

        foreach (var dir in new[] { _options.LessonsDirectory, _options.ExercisesDirectory }.Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(dir) { IncludeSubdirectories = true, EnableRaisingEvents = true };
            watcher.Changed += OnChange;
            watcher.Created += OnChange;
            watcher.Deleted += OnChange;
            watcher.Renamed += OnChange;
            _watchers.Add(watcher);
        }
    }

    /// <summary>Stops listening and watching.</summary>
    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _debounce?.Dispose();
        if (_listener.IsListening)
        {
            _listener.Stop();
        }

        _listener.Close();
        try
        {
            _loop?.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener; its exception carries nothing new.
        }
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        lock (_gate)
        {
            _debounce?.Dispose();
            _debounce = new Timer(_ => Rebuild(), null, TimeSpan.FromMilliseconds(250), Timeout.InfiniteTimeSpan);
        }
    }

    private void Rebuild()
    {
        lock (_gate)
        {
            string message;
            try
            {
                var result = new SiteBuilder(_options).Build();
                LastError = null;
                message = $"built {result.LessonCount} lessons, {result.ExerciseCount} exercises";
            }
            catch (Exception ex) when (ex is Content.LessonFormatException or SiteBuildException or IOException)
            {
                LastError = ex.Message;
                message = "build failed: " + ex.Message;
            }

            Interlocked.Increment(ref _rebuilds);
            Rebuilt?.Invoke(message);
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                Respond(context);
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException)
            {
                // The client went away mid-response.
            }
        }
    }

    private void Respond(HttpListenerContext context)
    {
        var response = context.Response;
        var root = Path.GetFullPath(_options.OutputDirectory);
        var relative = Uri.UnescapeDataString(context.Request.Url?.AbsolutePath ?? "/").TrimStart('/');
        if (relative.Length == 0 || relative.EndsWith('/'))
        {
            relative += "index.html";
        }

        var path = Path.GetFullPath(Path.Combine(root, relative));
        byte[] body;
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
        {
            response.StatusCode = 404;
            response.ContentType = "text/plain; charset=utf-8";
            body = System.Text.Encoding.UTF8.GetBytes($"Not found: /{relative}\n");
        }
        else
        {
            lock (_gate)
            {
                body = File.ReadAllBytes(path);
            }

            response.ContentType = ContentTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream");
            response.Headers["Cache-Control"] = "no-store";
        }

        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body);
        response.Close();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
