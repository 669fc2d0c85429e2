namespace Course.Cli.GradeService;

/// <summary>A client's request to the grade server: what it would have graded itself, and how its terminal looks.</summary>
/// <param name="WorkingDirectory">The client's current folder (relative paths and messages are resolved from it).</param>
/// <param name="Directory">The exercise folder (already resolved).</param>
/// <param name="File">The --file handler, or null.</param>
/// <param name="Format">text, json or junit.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Logs">--logs.</param>
/// <param name="InvokedAs">The client's COURSE_INVOKED_AS (for suggestions in messages), or null.</param>
/// <param name="Color">True when the client's stdout is a colour terminal.</param>
/// <param name="Width">The client's console width.</param>
/// <param name="Stop">True to ask the server to exit (<c>course grade-server --stop</c>); the other fields are ignored.</param>
internal sealed record GradeRequest(string WorkingDirectory, string Directory, string? File, string Format, int Seed, bool Logs, string? InvokedAs, bool Color, int Width, bool Stop = false);

/// <summary>The grade server's answer.</summary>
/// <param name="Exit">The exit code.</param>
/// <param name="Stdout">What to print on standard output.</param>
/// <param name="Stderr">What to print on standard error.</param>
internal sealed record GradeResponse(int Exit, string Stdout, string Stderr);
