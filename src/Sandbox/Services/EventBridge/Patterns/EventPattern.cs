using System.Text.Json;

namespace Course.Sandbox.Services.EventBridge.Patterns;

/// <summary>
/// A compiled, immutable EventBridge event pattern. Parse once with <see cref="Parse"/>, then test any number of
/// events with <see cref="Matches(string)"/>. Supports the whole pattern language: exact values (strings,
/// numbers, booleans, null), <c>prefix</c>, <c>suffix</c>, <c>equals-ignore-case</c>, <c>wildcard</c>,
/// <c>anything-but</c> (values, prefix, suffix, equals-ignore-case, wildcard), <c>numeric</c>, <c>cidr</c>,
/// <c>exists</c>, <c>$or</c>, nested objects; values in one array are alternatives, fields are ANDed, and an
/// array in the event matches when any of its elements does. Matching follows event-ruler, the library EventBridge
/// matches with: the event is flattened to dotted paths of leaf values (so a key containing a dot and the nested
/// objects it spells are one path), <c>exists</c> looks at leaves only, fields matched inside one array must come from
/// the same element, and wildcards past the complexity limit are refused.
/// </summary>
public sealed class EventPattern
{
    private readonly IReadOnlyList<SubRule> _branches;

    private EventPattern(string source, IReadOnlyList<SubRule> branches)
    {
        Source = source;
        _branches = branches;
    }

    /// <summary>The pattern JSON as given.</summary>
    public string Source { get; }

    /// <summary>Compiles <paramref name="patternJson"/>.</summary>
    /// <param name="patternJson">The event pattern, a JSON object.</param>
    /// <returns>The compiled pattern.</returns>
    /// <exception cref="InvalidEventPatternException">The pattern is not valid; the message says why and where.</exception>
    public static EventPattern Parse(string patternJson)
    {
        ArgumentNullException.ThrowIfNull(patternJson);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(patternJson);
        }
        catch (JsonException e)
        {
            throw new InvalidEventPatternException($"The pattern is not valid JSON ({e.Message})", string.Empty);
        }

        using (document)
        {
            return new EventPattern(patternJson, PatternCompiler.Compile(document.RootElement));
        }
    }

    /// <summary>Whether the event <paramref name="eventJson"/> matches.</summary>
    /// <param name="eventJson">The event, a JSON object (usually an EventBridge envelope).</param>
    /// <returns>True when every field of the pattern matches the event.</returns>
    /// <exception cref="ArgumentException"><paramref name="eventJson"/> is not valid JSON.</exception>
    public bool Matches(string eventJson)
    {
        ArgumentNullException.ThrowIfNull(eventJson);
        try
        {
            using var document = JsonDocument.Parse(eventJson);
            return Matches(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The event is not valid JSON: {e.Message}", nameof(eventJson), e);
        }
    }

    /// <summary>Whether the event <paramref name="eventElement"/> matches.</summary>
    /// <param name="eventElement">The event, a JSON object.</param>
    /// <returns>True when every field of the pattern matches the event.</returns>
    public bool Matches(JsonElement eventElement)
    {
        if (eventElement.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var flat = FlatEvent.From(eventElement);
        foreach (var branch in _branches)
        {
            if (branch.Matches(flat))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() => Source;
}
