using System.Text;

namespace Course.Sandbox.Hosting;

/// <summary>
/// Standard output and standard error of handler code go to the invocation's log stream, between START and END, in
/// order with <c>context.Logger</c> lines, as Lambda's .NET runtime writes them (<c>timestamp	requestId	info	text</c>;
/// standard error as <c>fail</c>). Installed once per process: outside handler code (no invocation on the calling
/// flow) output passes through to the console unchanged, so tools and tests print as before.
/// </summary>
internal static class ConsoleCapture
{
    private static int s_installed;

    /// <summary>Routes <see cref="Console.Out"/> and <see cref="Console.Error"/> through the capture (idempotent).</summary>
    public static void EnsureInstalled()
    {
        if (Interlocked.Exchange(ref s_installed, 1) == 1)
        {
            return;
        }
        Console.SetOut(new Router(Console.Out, "Information"));
        Console.SetError(new Router(Console.Error, "Error"));
    }

    private sealed class Router(TextWriter passThrough, string level) : TextWriter
    {
        public override Encoding Encoding => passThrough.Encoding;

        private static SandboxLambdaLogger? Target =>
            InvocationScope.Current?.Environment?.Logger is { } logger ? logger : null;

        public override void Write(char value)
        {
            if (Target is { } logger)
            {
                logger.Console(level, value.ToString());
            }
            else
            {
                passThrough.Write(value);
            }
        }

        public override void Write(string? value)
        {
            if (value is null)
            {
                return;
            }
            if (Target is { } logger)
            {
                logger.Console(level, value);
            }
            else
            {
                passThrough.Write(value);
            }
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void WriteLine(string? value) => Write((value ?? string.Empty) + NewLine);

        public override void WriteLine() => Write(NewLine);

        public override void Flush() => passThrough.Flush();
    }
}
