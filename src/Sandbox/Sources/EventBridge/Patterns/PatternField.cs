using System.Text.Json;

namespace Course.Sandbox.Sources.EventBridge.Patterns;

/// <summary>One field of a pattern object: either a nested object or a list of alternative value matchers.</summary>
internal sealed class PatternField
{
    private readonly string name;
    private readonly PatternNode? nested;
    private readonly IReadOnlyList<ValueMatcher> matchers;

    private PatternField(string name, PatternNode? nested, IReadOnlyList<ValueMatcher> matchers)
    {
        this.name = name;
        this.nested = nested;
        this.matchers = matchers;
    }

    public static PatternField Object(string name, PatternNode nested) => new(name, nested, []);

    public static PatternField Leaf(string name, IReadOnlyList<ValueMatcher> matchers) => new(name, null, matchers);

    public bool Matches(JsonElement eventObject)
    {
        var present = eventObject.TryGetProperty(name, out var value);
        if (nested is not null)
        {
            return present && MatchesNested(value);
        }

        var leaves = new List<JsonElement>();
        if (present)
        {
            CollectLeaves(value, leaves);
        }

        foreach (var matcher in matchers)
        {
            if (matcher is ExistsMatcher exists)
            {
                if (exists.Exists == (leaves.Count > 0))
                {
                    return true;
                }

                continue;
            }

            foreach (var leaf in leaves)
            {
                if (matcher.Matches(leaf))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool MatchesNested(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                return nested!.Matches(value);
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    if (MatchesNested(item))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>Leaf values of a field: the value itself, or the leaves of an array (nested arrays flattened); objects have none.</summary>
    private static void CollectLeaves(JsonElement value, List<JsonElement> leaves)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                return;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    CollectLeaves(item, leaves);
                }

                return;
            default:
                leaves.Add(value);
                return;
        }
    }
}
