using System.Text.Json;

namespace Course.Sandbox.Services.EventBridge.Patterns;

/// <summary>A test of one leaf value of an event (string, number, true, false or null).</summary>
internal abstract class ValueMatcher
{
    public abstract bool Matches(JsonElement leaf);
}

/// <summary>An exact string: matches only a JSON string with the same characters.</summary>
internal sealed class ExactStringMatcher(string value) : ValueMatcher
{
    public override bool Matches(JsonElement leaf) =>
        leaf.ValueKind == JsonValueKind.String && string.Equals(leaf.GetString(), value, StringComparison.Ordinal);
}

/// <summary>An exact number: matches a JSON number of equal value (5 matches 5.0).</summary>
internal sealed class ExactNumberMatcher(double value) : ValueMatcher
{
    public override bool Matches(JsonElement leaf) =>
        leaf.ValueKind == JsonValueKind.Number && leaf.TryGetDouble(out var d) && d.Equals(value);
}

/// <summary>A JSON literal: <c>true</c>, <c>false</c> or <c>null</c> (null does not match a missing field).</summary>
internal sealed class LiteralMatcher(JsonValueKind kind) : ValueMatcher
{
    public override bool Matches(JsonElement leaf) => leaf.ValueKind == kind;
}

/// <summary><c>exists</c>: evaluated by the field (whether it has any leaf value), never per value.</summary>
internal sealed class ExistsMatcher(bool exists) : ValueMatcher
{
    public bool Exists { get; } = exists;

    public override bool Matches(JsonElement leaf) => Exists;
}

/// <summary><c>anything-but</c>: matches a value that none of the excluded matchers match.</summary>
internal sealed class AnythingButMatcher(IReadOnlyList<ValueMatcher> excluded) : ValueMatcher
{
    public IReadOnlyList<ValueMatcher> Excluded { get; } = excluded;

    public override bool Matches(JsonElement leaf)
    {
        foreach (var matcher in Excluded)
        {
            if (matcher.Matches(leaf))
            {
                return false;
            }
        }

        return true;
    }
}
