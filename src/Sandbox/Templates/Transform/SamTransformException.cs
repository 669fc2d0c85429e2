namespace Course.Sandbox.Templates.Transform;

/// <summary>
/// The SAM transform rejected the template (SAM_05): <see cref="Exception.Message"/> is SAM's own text,
/// <c>Invalid Serverless Application Specification document. Number of errors found: N. …</c>, and
/// <see cref="Errors"/> holds each reason with its <c>file:line:col</c> and a fix.
/// </summary>
public sealed class SamTransformException : Exception
{
    /// <summary>Creates the exception for <paramref name="errors"/> (at least one).</summary>
    public SamTransformException(IReadOnlyList<SamError> errors)
        : base($"Invalid Serverless Application Specification document. Number of errors found: {errors.Count}. {string.Join(" ", errors.Select(e => e.Message))}")
    {
        Errors = errors;
    }

    /// <summary>Each reason, in template order.</summary>
    public IReadOnlyList<SamError> Errors { get; }

    /// <summary>SAM's message followed by one <c>file:line:col: reason</c> line (and fix) per error.</summary>
    public string Describe() =>
        Message + "\n" + string.Join("\n", Errors.Select(e => $"  {e.Mark}: {e.Message}{(e.Fix is null ? "" : $"\n    fix: {e.Fix}")}"));
}
