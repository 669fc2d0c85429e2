namespace Course.Cli.Commands;

/// <summary>The parsed options of one <c>grade</c> command.</summary>
/// <param name="Directory">The exercise folder.</param>
/// <param name="File">The handler file override, or null.</param>
/// <param name="Format">text, json or junit.</param>
/// <param name="Seed">The simulation seed.</param>
/// <param name="Logs">True to show function logs in text output.</param>
internal sealed record GradeSettings(string Directory, string? File, string Format, int Seed, bool Logs);
