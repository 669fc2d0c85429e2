namespace Course.Grading.Compilation;

/// <summary>A compiler or sandbox-safety diagnostic located in a source file.</summary>
/// <param name="Path">The file's display path.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Severity">"error" or "warning".</param>
/// <param name="Id">The diagnostic id: CSxxxx from the C# compiler, SBXnnn from the sandbox safety rules.</param>
/// <param name="Message">The message, without location.</param>
/// <param name="SourceLine">The offending source line (without its line break), or empty.</param>
public sealed record CompileDiagnostic(string Path, int Line, int Column, string Severity, string Id, string Message, string SourceLine)
{
    /// <summary>The one-line form <c>file:line:col: error ID: message</c>.</summary>
    public string Header => $"{Path}:{Line}:{Column}: {Severity} {Id}: {Message}";

    /// <summary>
    /// The full form: the header, the offending source line and a caret under the column.
    /// Tabs in the source line are kept in the caret's indentation so the caret lines up.
    /// </summary>
    /// <returns>Three lines joined by '\n' (two when the source line is unknown).</returns>
    public string Render()
    {
        if (SourceLine.Length == 0)
        {
            return Header;
        }

        var prefix = new System.Text.StringBuilder();
        for (var i = 0; i < Column - 1 && i < SourceLine.Length; i++)
        {
            prefix.Append(SourceLine[i] == '\t' ? '\t' : ' ');
        }

        return $"{Header}\n    {SourceLine}\n    {prefix}^";
    }
}
