using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Course.Cli.GradeService;

/// <summary>
/// Where the grade server listens: a Unix domain socket beside the tool's binary, named after the build (the
/// assembly's MVID), so a rebuilt tool never talks to an old server. Used only when the tool was started by the
/// root scripts (<c>COURSE_INVOKED_AS</c> set), not on Windows, and not with <c>COURSE_GRADE_SERVER=0</c>.
/// </summary>
internal static class GradeEndpoint
{
    /// <summary>True when grading may go through the server.</summary>
    public static bool Enabled =>
        !OperatingSystem.IsWindows()
        && Environment.GetEnvironmentVariable("COURSE_INVOKED_AS") is { Length: > 0 }
        && Environment.GetEnvironmentVariable("COURSE_GRADE_SERVER") != "0";

    /// <summary>The socket's path.</summary>
    public static string SocketPath { get; } = Compute();

    /// <summary>How long the server waits for a request before it exits (<c>COURSE_GRADE_SERVER_IDLE</c> seconds; default 600).</summary>
    public static TimeSpan IdleTimeout =>
        int.TryParse(Environment.GetEnvironmentVariable("COURSE_GRADE_SERVER_IDLE"), out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromMinutes(10);

    /// <summary>Connects to the server, or returns null when none answers within the timeout.</summary>
    /// <param name="timeout">How long to try.</param>
    /// <returns>The connected socket, or null.</returns>
    public static async Task<Socket?> TryConnectAsync(TimeSpan timeout)
    {
        if (!File.Exists(SocketPath))
        {
            return null;
        }

        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), cts.Token).ConfigureAwait(false);
            return socket;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or IOException)
        {
            socket.Dispose();
            return null;
        }
    }

    private static string Compute()
    {
        var mvid = typeof(GradeEndpoint).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..16];
        var beside = Path.Combine(AppContext.BaseDirectory, $"grade-{mvid}.sock");
        if (Encoding.UTF8.GetByteCount(beside) < 100)
        {
            return beside;   // Unix socket paths are limited to about 104 bytes
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(beside)))[..16];
        return Path.Combine(Path.GetTempPath(), $"course-grade-{hash}.sock");
    }
}
