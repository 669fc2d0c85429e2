namespace Course.Cli.Commands;

/// <summary>
/// How the user runs the tool, for suggestions in messages: <c>./course</c> (the root script sets
/// <c>COURSE_INVOKED_AS</c>), <c>course.cmd</c> on Windows, or <c>course</c> when started some other way.
/// </summary>
internal static class CliName
{
    /// <summary>The tool as the user runs it, e.g. <c>./course</c>.</summary>
    public static string Tool => Environment.GetEnvironmentVariable("COURSE_INVOKED_AS") is { Length: > 0 } name ? name : "course";

    /// <summary>A verb as the user runs it, e.g. <c>./course events generate</c>.</summary>
    /// <param name="verb">The verb and arguments.</param>
    /// <returns>The command line.</returns>
    public static string Command(string verb) => $"{Tool} {verb}";

    /// <summary>The grade command as the user runs it: <c>./grade</c> beside <c>./course</c>, <c>grade.cmd</c> beside <c>course.cmd</c>.</summary>
    public static string Grade => Tool switch
    {
        "./course" => "./grade",
        "course.cmd" => "grade.cmd",
        var other => $"{other} grade",
    };
}
