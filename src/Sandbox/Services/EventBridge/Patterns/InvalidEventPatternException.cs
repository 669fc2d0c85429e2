namespace Course.Sandbox.Services.EventBridge.Patterns;

/// <summary>
/// Thrown when an EventBridge event pattern is not valid. The message follows AWS's wording,
/// <c>Event pattern is not valid. Reason: ...</c>, and names where in the pattern the problem is.
/// </summary>
public sealed class InvalidEventPatternException : Exception
{
    /// <summary>Creates the exception for <paramref name="reason"/> found at <paramref name="location"/>.</summary>
    /// <param name="reason">What is wrong, such as <c>Empty arrays are not allowed</c>.</param>
    /// <param name="location">Where: a path into the pattern such as <c>detail.state[0]</c>, or empty for the whole pattern.</param>
    public InvalidEventPatternException(string reason, string location)
        : base(FormatMessage(reason, location))
    {
        Reason = reason;
        Location = location;
    }

    /// <summary>What is wrong with the pattern.</summary>
    public string Reason { get; }

    /// <summary>The path of the offending part of the pattern (empty for the whole pattern).</summary>
    public string Location { get; }

    private static string FormatMessage(string reason, string location) =>
        string.IsNullOrEmpty(location)
            ? $"Event pattern is not valid. Reason: {reason}"
            : $"Event pattern is not valid. Reason: {reason} (at {location})";
}
