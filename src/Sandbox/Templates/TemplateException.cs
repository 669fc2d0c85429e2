using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Templates;

/// <summary>
/// A template the loader or the transform rejects: where (<c>file:line:col</c>), what is wrong and how to fix it.
/// The CLI prints <see cref="Exception.Message"/> and exits with code 2.
/// </summary>
public sealed class TemplateException : Exception
{
    /// <summary>Creates the error at <paramref name="mark"/>.</summary>
    public TemplateException(SourceMark mark, string problem, string? fix = null)
        : base(Format(mark, problem, fix))
    {
        Mark = mark;
        Problem = problem;
        Fix = fix;
    }

    /// <summary>Where the problem is.</summary>
    public SourceMark Mark { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }

    /// <summary>How to fix it, when known.</summary>
    public string? Fix { get; }

    private static string Format(SourceMark mark, string problem, string? fix) =>
        $"{mark}: {problem}{(fix is null ? "" : $"\n  fix: {fix}")}";
}
