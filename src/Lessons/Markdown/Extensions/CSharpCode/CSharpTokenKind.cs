namespace Course.Lessons.Markdown.Extensions.CSharpCode;

/// <summary>The classes of C# source text the highlighter distinguishes.</summary>
internal enum CSharpTokenKind
{
    /// <summary>Anything else: whitespace, punctuation, operators, lower-case identifiers.</summary>
    Plain,

    /// <summary>A <c>//</c> or <c>/* */</c> comment.</summary>
    Comment,

    /// <summary>A string or character literal (regular, verbatim, interpolated or raw).</summary>
    String,

    /// <summary>A numeric literal.</summary>
    Number,

    /// <summary>A keyword or contextual keyword.</summary>
    Keyword,

    /// <summary>A preprocessor or file-based app directive (<c>#r</c>, <c>#:project</c>, <c>#nullable</c>).</summary>
    Preprocessor,

    /// <summary>An identifier starting with an upper-case letter (types, properties by convention).</summary>
    TypeName,

    /// <summary>An identifier directly followed by <c>(</c> or <c>&lt;</c>…<c>(</c>.</summary>
    Method,
}
