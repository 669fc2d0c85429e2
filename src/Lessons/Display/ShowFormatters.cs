using Course.Sandbox;
using Course.Sandbox.Load;
using Course.Sandbox.Pricing;
using Microsoft.DotNet.Interactive.Formatting;

namespace Course.Lessons.Display;

/// <summary>
/// The <see cref="Show"/> displays of whole values, registered as .NET Interactive formatters
/// (Microsoft.DotNet.Interactive.Formatting): a cell whose value is a <see cref="Simulation"/>, a
/// <see cref="CostSummary"/> or a <see cref="LoadReport"/> renders as HTML in a notebook (and as text where only
/// text is asked for); <see cref="Text"/> gives the same text to the REPL and console apps. To add a display, add
/// one <see cref="ShowDisplay.For{T}"/> line to <see cref="Displays"/>: the notebooks' first cell, the REPL and the
/// tests pick it up from there.
/// </summary>
public static class ShowFormatters
{
    /// <summary>Every value display, most specific type first.</summary>
    public static IReadOnlyList<ShowDisplay> Displays { get; } =
    [
        ShowDisplay.For<Simulation>(sim => SimulationHtml.Timeline(sim) + SimulationHtml.Invocations(sim), sim => SimulationText.Timeline(sim) + SimulationText.Invocations(sim)),
        ShowDisplay.For<CostSummary>(SimulationHtml.Cost, SimulationText.Cost),
        ShowDisplay.For<LoadReport>(LoadChart.Html, LoadChart.Text),
    ];

    /// <summary>
    /// Registers every display with .NET Interactive's <see cref="Formatter"/> for <c>text/html</c> and
    /// <c>text/plain</c> (the notebooks' first cell calls it). Calling it again replaces the same registrations.
    /// </summary>
    public static void Register()
    {
        foreach (var display in Displays)
        {
            Formatter.Register(display.Type, (value, writer) => writer.Write(display.Html(value)), HtmlFormatter.MimeType);
            Formatter.Register(display.Type, (value, writer) => writer.Write(display.Text(value)), PlainTextFormatter.MimeType);
        }
    }

    /// <summary>The text display of a value when one is registered for its type; null otherwise.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text, or null.</returns>
    public static string? Text(object? value) =>
        value is null ? null : Displays.FirstOrDefault(d => d.Type.IsInstanceOfType(value))?.Text(value);

    /// <summary>The HTML display of a value when one is registered for its type; null otherwise.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The HTML, or null.</returns>
    public static string? Html(object? value) =>
        value is null ? null : Displays.FirstOrDefault(d => d.Type.IsInstanceOfType(value))?.Html(value);
}
