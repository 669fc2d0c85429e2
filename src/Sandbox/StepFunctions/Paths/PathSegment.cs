using System.Text.Json.Nodes;

namespace Course.Sandbox.StepFunctions.Paths;

/// <summary>One step of a parsed JSONPath: it maps each node selected so far to the nodes it selects.</summary>
internal abstract class PathSegment
{
    /// <summary>True when the segment selects at most one node (a name or an index): reference paths have only these.</summary>
    public virtual bool IsDefinite => false;

    /// <summary>Adds what the segment selects from <paramref name="node"/> to <paramref name="into"/>.</summary>
    public abstract void Select(JsonNode? node, JsonNode? root, List<JsonNode?> into);

    /// <summary>The segment in the bracket notation AWS's messages use (<c>['name']</c>, <c>[0]</c>).</summary>
    public abstract string Canonical { get; }
}

/// <summary><c>.name</c> or <c>['name']</c>.</summary>
internal sealed class ChildSegment(string name) : PathSegment
{
    public string Name { get; } = name;

    public override bool IsDefinite => true;

    public override string Canonical => $"['{Name}']";

    public override void Select(JsonNode? node, JsonNode? root, List<JsonNode?> into)
    {
        if (node is JsonObject o && o.TryGetPropertyValue(Name, out var value))
        {
            into.Add(value);
        }
    }
}

/// <summary><c>[n]</c>, negative counting from the end.</summary>
internal sealed class IndexSegment(int index) : PathSegment
{
    public int Index { get; } = index;

    public override bool IsDefinite => true;

    public override string Canonical => $"[{Index}]";

    public override void Select(JsonNode? node, JsonNode? root, List<JsonNode?> into)
    {
        if (node is not JsonArray a)
        {
            return;
        }
        var i = Index < 0 ? a.Count + Index : Index;
        if (i >= 0 && i < a.Count)
        {
            into.Add(a[i]);
        }
    }
}

/// <summary><c>.*</c> or <c>[*]</c>: every member value or element.</summary>
internal sealed class WildcardSegment : PathSegment
{
    public override string Canonical => "[*]";

    public override void Select(JsonNode? node, JsonNode? root, List<JsonNode?> into)
    {
        switch (node)
        {
            case JsonObject o: foreach (var p in o) { into.Add(p.Value); } break;
            case JsonArray a: foreach (var e in a) { into.Add(e); } break;
        }
    }
}

/// <summary><c>[start:end:step]</c> over an array (Python semantics).</summary>
internal sealed class SliceSegment(int? start, int? end, int step) : PathSegment
{
    public override string Canonical => $"[{start}:{end}{(step == 1 ? "" : $":{step}")}]";

    public override void Select(JsonNode? node, JsonNode? root, List<JsonNode?> into)
    {
        if (node is not JsonArray a || step == 0)
        {
            return;
        }
        var n = a.Count;
        int Norm(int v) => v < 0 ? Math.Max(0, n + v) : Math.Min(n, v);
        if (step > 0)
        {
            for (int i = start is int s ? Norm(s) : 0, e = end is int x ? Norm(x) : n; i < e; i += step)
            {
                into.Add(a[i]);
            }
        }
        else
        {
            var s = start is int s0 ? (s0 < 0 ? n + s0 : Math.Min(n - 1, s0)) : n - 1;
            var e = end is int e0 ? (e0 < 0 ? n + e0 : e0) : -1;
            for (var i = s; i > e && i >= 0; i += step)
            {
                into.Add(a[i]);
            }
        }
    }
}

/// <summary><c>[a,b]</c> or <c>['x','y']</c>: the union of several names or indexes.</summary>
internal sealed class UnionSegment(IReadOnlyList<PathSegment> parts) : PathSegment
{
    public override string Canonical => "[" + string.Join(",", parts.Select(p => p.Canonical.Trim('[', ']'))) + "]";

    public override void Select(JsonNode? node, JsonNode? root, List<JsonNode?> into)
    {
        foreach (var p in parts)
        {
            p.Select(node, root, into);
        }
    }
}

/// <summary><c>..name</c>, <c>..*</c>, <c>..[0]</c>: the inner segment applied to the node and every descendant.</summary>
internal sealed class RecursiveSegment(PathSegment inner) : PathSegment
{
    public override string Canonical => ".." + inner.Canonical;

    public override void Select(JsonNode? node, JsonNode? root, List<JsonNode?> into)
    {
        inner.Select(node, root, into);
        switch (node)
        {
            case JsonObject o: foreach (var p in o) { Select(p.Value, root, into); } break;
            case JsonArray a: foreach (var e in a) { Select(e, root, into); } break;
        }
    }
}

/// <summary><c>[?(expression)]</c>: the elements (or member values) for which the filter holds.</summary>
internal sealed class FilterSegment(FilterExpression filter, string text) : PathSegment
{
    public override string Canonical => $"[?({text})]";

    public override void Select(JsonNode? node, JsonNode? root, List<JsonNode?> into)
    {
        switch (node)
        {
            case JsonArray a: foreach (var e in a) { if (filter.Test(e, root)) { into.Add(e); } } break;
            case JsonObject o: foreach (var p in o) { if (filter.Test(p.Value, root)) { into.Add(p.Value); } } break;
        }
    }
}

/// <summary>
/// <c>.length()</c> at the end of a path (Jayway's function, which Step Functions accepts in Parameters paths); any
/// other function name selects nothing, so the path fails as AWS's does.
/// </summary>
internal sealed class FunctionSegment(string name) : PathSegment
{
    public override bool IsDefinite => true;

    public override string Canonical => $".{name}()";

    public override void Select(JsonNode? node, JsonNode? root, List<JsonNode?> into)
    {
        if (name != "length")
        {
            return;
        }
        switch (node)
        {
            case JsonArray a: into.Add(JsonValue.Create(a.Count)); break;
            case JsonObject o: into.Add(JsonValue.Create(o.Count)); break;
            case JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String: into.Add(JsonValue.Create(v.GetValue<string>().Length)); break;
        }
    }
}
