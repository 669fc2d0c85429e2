using System.Text.Json;

namespace Course.Sandbox.Services.EventBridge.Patterns;

/// <summary><c>prefix</c> (optionally with <c>equals-ignore-case</c>): a string value that starts with the text.</summary>
internal sealed class PrefixMatcher(string prefix, bool ignoreCase) : ValueMatcher
{
    public override bool Matches(JsonElement leaf) =>
        leaf.ValueKind == JsonValueKind.String &&
        leaf.GetString()!.StartsWith(prefix, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}

/// <summary><c>suffix</c> (optionally with <c>equals-ignore-case</c>): a string value that ends with the text.</summary>
internal sealed class SuffixMatcher(string suffix, bool ignoreCase) : ValueMatcher
{
    public override bool Matches(JsonElement leaf) =>
        leaf.ValueKind == JsonValueKind.String &&
        leaf.GetString()!.EndsWith(suffix, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}

/// <summary><c>equals-ignore-case</c>: a string value equal to the text ignoring case.</summary>
internal sealed class EqualsIgnoreCaseMatcher(string value) : ValueMatcher
{
    public override bool Matches(JsonElement leaf) =>
        leaf.ValueKind == JsonValueKind.String && string.Equals(leaf.GetString(), value, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// <c>wildcard</c>: a string value matching a glob where <c>*</c> stands for any run of characters
/// (<c>\*</c> is a literal star, <c>\\</c> a literal backslash).
/// </summary>
internal sealed class WildcardMatcher : ValueMatcher
{
    /// <summary>The literal runs between stars; a leading or trailing star leaves an empty first or last run.</summary>
    private readonly IReadOnlyList<string> _literals;

    private WildcardMatcher(string source, IReadOnlyList<string> literals)
    {
        Source = source;
        _literals = literals;
    }

    /// <summary>The wildcard text as written in the pattern (escapes included).</summary>
    public string Source { get; }

    /// <summary>Parses a wildcard pattern; returns the problem and its character position when it is not valid.</summary>
    public static WildcardMatcher Parse(string pattern, out string? error)
    {
        error = null;
        var literals = new List<string>();
        var current = new System.Text.StringBuilder();
        var lastWasStar = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                if (i + 1 < pattern.Length && pattern[i + 1] is '*' or '\\')
                {
                    current.Append(pattern[++i]);
                    lastWasStar = false;
                    continue;
                }

                error = $"Invalid escape character at pos {i}: only \\* and \\\\ may be escaped in a wildcard";
                return new WildcardMatcher(pattern, []);
            }

            if (c == '*')
            {
                if (lastWasStar)
                {
                    error = $"Consecutive wildcard characters at pos {i}";
                    return new WildcardMatcher(pattern, []);
                }

                literals.Add(current.ToString());
                current.Clear();
                lastWasStar = true;
                continue;
            }

            current.Append(c);
            lastWasStar = false;
        }

        literals.Add(current.ToString());
        return new WildcardMatcher(pattern, literals);
    }

    public override bool Matches(JsonElement leaf) => leaf.ValueKind == JsonValueKind.String && IsMatch(leaf.GetString()!);

    internal bool IsMatch(string text)
    {
        if (_literals.Count == 1)
        {
            return string.Equals(text, _literals[0], StringComparison.Ordinal);
        }

        var first = _literals[0];
        var last = _literals[^1];
        if (text.Length < first.Length + last.Length ||
            !text.StartsWith(first, StringComparison.Ordinal) ||
            !text.EndsWith(last, StringComparison.Ordinal))
        {
            return false;
        }

        var position = first.Length;
        var end = text.Length - last.Length;
        for (var i = 1; i < _literals.Count - 1; i++)
        {
            var found = text.IndexOf(_literals[i], position, end - position, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position = found + _literals[i].Length;
        }

        return true;
    }
}
