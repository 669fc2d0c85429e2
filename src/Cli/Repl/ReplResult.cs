namespace Course.Cli.Repl;

/// <summary>What one REPL submission gave.</summary>
/// <param name="Success">True when it compiled and ran without an exception.</param>
/// <param name="Value">The value of a final expression (formatted), or null.</param>
/// <param name="Errors">Compile errors as <c>(line,col): error CS…</c>, or the exception that escaped.</param>
internal sealed record ReplResult(bool Success, string? Value, IReadOnlyList<string> Errors)
{
    /// <summary>A successful submission.</summary>
    /// <param name="value">Its value, or null.</param>
    /// <returns>The result.</returns>
    public static ReplResult Ok(string? value) => new(true, value, []);

    /// <summary>A failed submission.</summary>
    /// <param name="errors">What went wrong.</param>
    /// <returns>The result.</returns>
    public static ReplResult Failed(IReadOnlyList<string> errors) => new(false, null, errors);
}
