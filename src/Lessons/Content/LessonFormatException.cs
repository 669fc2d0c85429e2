namespace Course.Lessons.Content;

/// <summary>
/// A lesson file is malformed. The message names the file, line and column (1-based), what is wrong and
/// how to fix it, in the form <c>lessons/01-x.md:3:5: error: ...</c>.
/// </summary>
public sealed class LessonFormatException : Exception
{
    private LessonFormatException(string file, int line, int column, string problem)
        : base($"{file}:{line}:{column}: error: {problem}")
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>Path of the lesson file, as given to the loader.</summary>
    public string File { get; }

    /// <summary>1-based line of the problem.</summary>
    public int Line { get; }

    /// <summary>1-based column of the problem.</summary>
    public int Column { get; }

    /// <summary>What is wrong and how to fix it, without the location prefix.</summary>
    public string Problem { get; }

    /// <summary>Creates an error at a given location.</summary>
    /// <param name="file">The lesson file.</param>
    /// <param name="line">1-based line.</param>
    /// <param name="column">1-based column.</param>
    /// <param name="problem">What is wrong and how to fix it.</param>
    /// <returns>The exception, for the caller to throw.</returns>
    public static LessonFormatException At(string file, int line, int column, string problem) =>
        new(file, Math.Max(1, line), Math.Max(1, column), problem);
}
