using System.Text.Json;

namespace Course.Sandbox.Services.EventBridge.Patterns;

/// <summary><c>numeric</c>: a JSON number within a range (or equal to a value); strings never match.</summary>
internal sealed class NumericMatcher(double? lower, bool lowerInclusive, double? upper, bool upperInclusive) : ValueMatcher
{
    /// <summary>The largest magnitude EventBridge accepts in a numeric match.</summary>
    public const double Limit = 5.0e9;

    public override bool Matches(JsonElement leaf)
    {
        if (leaf.ValueKind != JsonValueKind.Number || !leaf.TryGetDouble(out var value))
        {
            return false;
        }

        if (lower is { } lo && (lowerInclusive ? value < lo : value <= lo))
        {
            return false;
        }

        return upper is not { } hi || (upperInclusive ? value <= hi : value < hi);
    }
}
