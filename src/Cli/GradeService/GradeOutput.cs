using Spectre.Console;

namespace Course.Cli.GradeService;

/// <summary>Where a grade writes: the report console, plain stdout (json/junit) and stderr, and whether to show the long-run notice.</summary>
/// <param name="Ansi">The console the text report is rendered to.</param>
/// <param name="Out">Plain standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="Notice">True to show the long-run notice on <paramref name="Error"/>.</param>
internal sealed record GradeOutput(IAnsiConsole Ansi, TextWriter Out, TextWriter Error, bool Notice)
{
    /// <summary>This process's terminal (or pipes).</summary>
    /// <returns>The output.</returns>
    public static GradeOutput Terminal()
    {
        if (Console.IsOutputRedirected)
        {
            // Piped or captured: don't wrap log lines at the 80-column fallback width.
            AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 200);
        }

        return new GradeOutput(AnsiConsole.Console, Console.Out, Console.Error, true);
    }

    /// <summary>Captured output rendered as the client's terminal would show it.</summary>
    /// <param name="stdout">Captures standard output.</param>
    /// <param name="stderr">Captures standard error.</param>
    /// <param name="request">The client's terminal capabilities.</param>
    /// <returns>The output.</returns>
    public static GradeOutput Captured(StringWriter stdout, StringWriter stderr, GradeRequest request)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = request.Color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = request.Color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(stdout),
            Interactive = InteractionSupport.No,
        });
        ansi.Profile.Width = request.Width;
        return new GradeOutput(ansi, stdout, stderr, false);
    }
}
