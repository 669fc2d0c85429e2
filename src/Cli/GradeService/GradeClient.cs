using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Course.Cli.Commands;
using Course.Cli.Exercises;

namespace Course.Cli.GradeService;

/// <summary>
/// The grade command's side of the grade server: sends the request and prints the answer, or says "no server"
/// (null) so the command grades in-process and starts a server for the next run.
/// </summary>
internal static class GradeClient
{
    /// <summary>Grades through a running server.</summary>
    /// <param name="settings">What to grade.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The exit code, or null when no server answered (grade in-process then).</returns>
    public static async Task<int?> TryGradeAsync(GradeSettings settings, CancellationToken cancellationToken)
    {
        if (!GradeEndpoint.Enabled || await GradeEndpoint.TryConnectAsync(TimeSpan.FromMilliseconds(300)).ConfigureAwait(false) is not { } socket)
        {
            return null;
        }

        using (socket)
        {
            var request = new GradeRequest(Environment.CurrentDirectory, Path.GetFullPath(settings.Directory),
                settings.File is null ? null : Path.GetFullPath(settings.File), settings.Format, settings.Seed, settings.Logs,
                Environment.GetEnvironmentVariable("COURSE_INVOKED_AS"),
                !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null,
                Console.IsOutputRedirected ? 200 : Math.Max(40, Console.WindowWidth));
            GradeResponse? response;
            var exercise = Directory.Exists(settings.Directory) ? CourseLayout.Describe(settings.Directory) : null;
            using (settings.Format == "text" ? LongRunNotice.Start(exercise, Console.Error) : null)
            {
                try
                {
                    await using var stream = new NetworkStream(socket, ownsSocket: false);
                    var line = JsonSerializer.Serialize(request, GradeServiceJson.Default.GradeRequest) + "\n";
                    await stream.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken).ConfigureAwait(false);
                    using var reader = new StreamReader(stream, Encoding.UTF8);
                    var answer = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                    response = answer is null ? null : JsonSerializer.Deserialize(answer, GradeServiceJson.Default.GradeResponse);
                }
                catch (Exception e) when (e is IOException or SocketException or JsonException)
                {
                    response = null;   // the server went away: grade in-process
                }
            }

            if (response is null)
            {
                return null;
            }

            if (Environment.GetEnvironmentVariable("COURSE_GRADE_TIMINGS") == "1")
            {
                Console.Error.WriteLine($"[timing] graded by the grade server ({GradeEndpoint.SocketPath})");
            }

            Console.Out.Write(response.Stdout);
            Console.Error.Write(response.Stderr);
            return response.Exit;
        }
    }

    /// <summary>Starts a grade server in the background (detached, silent) unless one runs; never throws.</summary>
    public static void StartServerInBackground()
    {
        if (!GradeEndpoint.Enabled || File.Exists(GradeEndpoint.SocketPath) && GradeEndpoint.TryConnectAsync(TimeSpan.FromMilliseconds(200)).GetAwaiter().GetResult() is { } alive && Dispose(alive))
        {
            return;
        }

        try
        {
            var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("if command -v setsid >/dev/null 2>&1; then setsid \"$@\" </dev/null >/dev/null 2>&1 & else \"$@\" </dev/null >/dev/null 2>&1 & fi");
            start.ArgumentList.Add("course-grade-server");
            foreach (var arg in ServerCommandLine())
            {
                start.ArgumentList.Add(arg);
            }

            using var shell = Process.Start(start);
            shell?.WaitForExit(2000);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            // No server: every grade just runs in-process.
        }
    }

    private static bool Dispose(Socket socket)
    {
        socket.Dispose();
        return true;
    }

    private static IEnumerable<string> ServerCommandLine()
    {
        var process = Environment.ProcessPath ?? "course";
        if (Path.GetFileNameWithoutExtension(process) == "dotnet")
        {
            yield return process;
            yield return Path.Combine(AppContext.BaseDirectory, "course.dll");
        }
        else
        {
            yield return process;
        }

        yield return "grade-server";
    }
}
