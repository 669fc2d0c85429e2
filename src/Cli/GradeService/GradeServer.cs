using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Course.Cli.Commands;
using Course.Cli.Exercises;
using Course.Grading;

namespace Course.Cli.GradeService;

/// <summary>
/// The grade server (<c>course grade-server</c>, started in the background by the first <c>./grade</c>): one warm
/// <see cref="Grader"/> (Roslyn, the compiled checks, a worker started ahead) answering the grade commands of later
/// runs over a Unix socket, one request at a time, so a grade after an edit skips a cold Roslyn. Each grade still runs
/// in its own isolated worker process. Exits after <see cref="GradeEndpoint.IdleTimeout"/> without a request, or on
/// <c>--stop</c>. Never talks to the network.
/// </summary>
internal static class GradeServer
{
    /// <summary>Serves until idle.</summary>
    /// <param name="cancellationToken">Stops the server.</param>
    /// <returns>0.</returns>
    public static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var path = GradeEndpoint.SocketPath;
        if (await GradeEndpoint.TryConnectAsync(TimeSpan.FromMilliseconds(200)).ConfigureAwait(false) is { } other)
        {
            other.Dispose();
            return 0;   // one is already serving
        }

        File.Delete(path);
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(path));
            listener.Listen(8);
        }
        catch (SocketException)
        {
            return 0;   // lost a race with another server starting
        }

        try
        {
            using var grader = new Grader();
            await WarmUpAsync(grader).ConfigureAwait(false);
            while (!cancellationToken.IsCancellationRequested)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                idle.CancelAfter(GradeEndpoint.IdleTimeout);
                Socket client;
                try
                {
                    client = await listener.AcceptAsync(idle.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                using (client)
                {
                    if (!await ServeAsync(grader, client, cancellationToken).ConfigureAwait(false))
                    {
                        break;
                    }
                }
            }
        }
        finally
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }

        return 0;
    }

    /// <summary>Asks a running server to exit.</summary>
    /// <returns>True when one was running.</returns>
    public static async Task<bool> StopAsync()
    {
        if (await GradeEndpoint.TryConnectAsync(TimeSpan.FromMilliseconds(500)).ConfigureAwait(false) is not { } socket)
        {
            return false;
        }

        using (socket)
        {
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            var stop = new GradeRequest("", "", null, "text", 1, false, null, false, 80, Stop: true);
            await stream.WriteAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(stop, GradeServiceJson.Default.GradeRequest) + "\n")).ConfigureAwait(false);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            await reader.ReadLineAsync().ConfigureAwait(false);
        }

        // The server removes its socket as it exits: wait for that, so "stopped" means gone.
        for (var i = 0; i < 50 && File.Exists(GradeEndpoint.SocketPath); i++)
        {
            await Task.Delay(100).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Answers one connection; false when asked to stop.</summary>
    private static async Task<bool> ServeAsync(Grader grader, Socket client, CancellationToken cancellationToken)
    {
        await using var stream = new NetworkStream(client, ownsSocket: false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        GradeRequest? request;
        try
        {
            var line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            request = line is null ? null : JsonSerializer.Deserialize(line, GradeServiceJson.Default.GradeRequest);
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return true;
        }

        if (request is null)
        {
            return true;
        }

        GradeResponse response;
        if (request.Stop)
        {
            response = new GradeResponse(0, "", "");
        }
        else
        {
            // Requests are served one at a time, so the process-wide current folder and variables can follow the client's.
            var stdout = new StringWriter { NewLine = "\n" };
            var stderr = new StringWriter { NewLine = "\n" };
            Environment.CurrentDirectory = request.WorkingDirectory;
            Environment.SetEnvironmentVariable("COURSE_INVOKED_AS", request.InvokedAs);
            var settings = new GradeSettings(request.Directory, request.File, request.Format, request.Seed, request.Logs);
            var exit = await GradeCommand.GradeOnceAsync(grader, settings, GradeOutput.Captured(stdout, stderr, request), cancellationToken).ConfigureAwait(false);
            response = new GradeResponse(exit, stdout.ToString(), stderr.ToString());
        }

        try
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(response, GradeServiceJson.Default.GradeResponse) + "\n"), cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The client went away (Ctrl+C); the next one will ask again.
        }

        if (!request.Stop)
        {
            grader.PrepareNextRun(GradeCommand.ToOptions(new GradeSettings(request.Directory, request.File, request.Format, request.Seed, request.Logs)));
        }

        return !request.Stop;
    }

    /// <summary>Grades the first exercise's starter once, output discarded, so Roslyn and the checks are warm for the first request.</summary>
    private static async Task WarmUpAsync(Grader grader)
    {
        if (CourseLayout.Find(Environment.CurrentDirectory)?.Exercises() is not [var first, ..])
        {
            return;
        }

        var sink = new StringWriter();
        var request = new GradeRequest(Environment.CurrentDirectory, first.Directory, null, "text", 1, false, null, false, 80);
        var settings = new GradeSettings(first.Directory, File.Exists(first.StarterPath) ? first.StarterPath : null, "text", 1, false);
        await GradeCommand.GradeOnceAsync(grader, settings, GradeOutput.Captured(sink, sink, request), CancellationToken.None).ConfigureAwait(false);
    }
}
