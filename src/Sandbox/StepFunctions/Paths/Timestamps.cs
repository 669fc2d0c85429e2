using System.Globalization;

namespace Course.Sandbox.StepFunctions.Paths;

/// <summary>The timestamps of Wait and the Timestamp* Choice operators: RFC 3339 with an uppercase T and a Z or an offset.</summary>
internal static class Timestamps
{
    /// <summary>Parses an RFC 3339 timestamp such as <c>2016-03-14T01:59:00Z</c>.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null || text.Length < 20 || text[10] != 'T')
        {
            return false;
        }
        var last = text[^1];
        if (last != 'Z' && !(text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':'))
        {
            return false;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    /// <summary>Formats a time as Step Functions writes it in the context object: <c>2026-01-01T00:00:00.000Z</c>.</summary>
    public static string Format(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
