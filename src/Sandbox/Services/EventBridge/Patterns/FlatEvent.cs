using System.Text.Json;

namespace Course.Sandbox.Services.EventBridge.Patterns;

/// <summary>
/// An event as event-ruler sees it: every leaf value (string, number, true, false, null) under its dotted path
/// (<c>detail.state</c>), with the array elements it sits in. Objects are walked, arrays are crushed into their
/// parent's path, and nothing else is kept — so <c>{"a.b": 1}</c> and <c>{"a": {"b": 1}}</c> are the same event
/// here, as in Ruler ("JSON keys with dots" in the event-ruler README).
/// </summary>
internal sealed class FlatEvent
{
    private readonly Dictionary<string, List<FlatLeaf>> _byPath = new(StringComparer.Ordinal);
    private int _nextArrayId;

    private FlatEvent()
    {
    }

    public static FlatEvent From(JsonElement root)
    {
        var flat = new FlatEvent();
        flat.Walk(root, string.Empty, []);
        return flat;
    }

    /// <summary>The leaves under <paramref name="path"/>; empty when the path has none (absent, or an object).</summary>
    public IReadOnlyList<FlatLeaf> Leaves(string path) =>
        _byPath.TryGetValue(path, out var leaves) ? leaves : [];

    private void Walk(JsonElement value, string path, ArrayPosition[] positions)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", positions);
                }

                return;
            case JsonValueKind.Array:
                {
                    var id = _nextArrayId++;
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        Walk(item, path, [.. positions, new ArrayPosition(id, index++)]);
                    }

                    return;
                }

            default:
                if (path.Length == 0)
                {
                    return;
                }

                if (!_byPath.TryGetValue(path, out var list))
                {
                    _byPath[path] = list = [];
                }

                list.Add(new FlatLeaf(value, positions));
                return;
        }
    }
}

/// <summary>One element of one array of the event: which array (numbered in document order) and which index.</summary>
internal readonly record struct ArrayPosition(int ArrayId, int Index);

/// <summary>A leaf value and the array elements that contain it.</summary>
internal sealed record FlatLeaf(JsonElement Value, ArrayPosition[] Positions)
{
    /// <summary>
    /// Ruler's array consistency (<c>rulesForJSONEvent</c>): two leaves can match one rule together unless they sit in
    /// different elements of the same array.
    /// </summary>
    public bool IsConsistentWith(FlatLeaf other)
    {
        foreach (var mine in Positions)
        {
            foreach (var theirs in other.Positions)
            {
                if (mine.ArrayId == theirs.ArrayId && mine.Index != theirs.Index)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
