namespace Course.Lessons.Display;

/// <summary>
/// How one kind of value is shown: as HTML in a notebook and as text on a console (the .cs apps, the REPL).
/// <see cref="ShowFormatters"/> registers every display as a .NET Interactive formatter.
/// </summary>
/// <param name="Type">The type of value shown (derived types are shown the same way).</param>
/// <param name="Html">The value as HTML (tables, SVG).</param>
/// <param name="Text">The value as text for a terminal.</param>
public sealed record ShowDisplay(Type Type, Func<object, string> Html, Func<object, string> Text)
{
    /// <summary>A display for values of <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type of value shown.</typeparam>
    /// <param name="html">The value as HTML.</param>
    /// <param name="text">The value as text.</param>
    /// <returns>The display.</returns>
    public static ShowDisplay For<T>(Func<T, string> html, Func<T, string> text)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(text);
        return new ShowDisplay(typeof(T), value => html((T)value), value => text((T)value));
    }
}
