using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Course.Sandbox.StepFunctions.Paths;

/// <summary>The parsed body of a <c>[?( … )]</c> filter.</summary>
internal abstract class FilterExpression
{
    /// <summary>Whether the filter holds for <paramref name="current"/> (<c>@</c>) within <paramref name="root"/> (<c>$</c>).</summary>
    public abstract bool Test(JsonNode? current, JsonNode? root);
}

/// <summary>An operand: a literal, or a path from <c>@</c> or <c>$</c>.</summary>
internal sealed class FilterOperand
{
    private readonly JsonNode? _literal;
    private readonly JsonPath? _path;
    private readonly bool _fromCurrent;

    private FilterOperand(JsonNode? literal, JsonPath? path, bool fromCurrent)
    {
        _literal = literal;
        _path = path;
        _fromCurrent = fromCurrent;
    }

    public static FilterOperand Literal(JsonNode? value) => new(value, null, false);

    public static FilterOperand Path(JsonPath path, bool fromCurrent) => new(null, path, fromCurrent);

    public bool IsPath => _path is not null;

    /// <summary>The operand's value; false when a path selects nothing.</summary>
    public bool TryGet(JsonNode? current, JsonNode? root, out JsonNode? value)
    {
        if (_path is null)
        {
            value = _literal;
            return true;
        }
        var matches = _path.SelectAll(_fromCurrent ? current : root);
        if (_path.IsDefinite)
        {
            value = matches.Count > 0 ? matches[0] : null;
            return matches.Count > 0;
        }
        value = new JsonArray([.. matches.Select(JsonValues.Copy)]);
        return true;
    }
}

/// <summary><c>a &amp;&amp; b</c>, <c>a || b</c>.</summary>
internal sealed class LogicalFilter(FilterExpression left, FilterExpression right, bool and) : FilterExpression
{
    public override bool Test(JsonNode? current, JsonNode? root) =>
        and ? left.Test(current, root) && right.Test(current, root) : left.Test(current, root) || right.Test(current, root);
}

/// <summary><c>!a</c>.</summary>
internal sealed class NotFilter(FilterExpression inner) : FilterExpression
{
    public override bool Test(JsonNode? current, JsonNode? root) => !inner.Test(current, root);
}

/// <summary>A bare operand: a path that exists (and is not false), or a truthy literal.</summary>
internal sealed class ExistsFilter(FilterOperand operand) : FilterExpression
{
    public override bool Test(JsonNode? current, JsonNode? root) =>
        operand.TryGet(current, root, out var v) && JsonValues.Kind(v) != JsonValueKind.False;
}

/// <summary><c>a op b</c> for <c>== != &lt; &lt;= &gt; &gt;= =~ in nin</c>.</summary>
internal sealed class ComparisonFilter(FilterOperand left, string op, FilterOperand right) : FilterExpression
{
    public override bool Test(JsonNode? current, JsonNode? root)
    {
        if (!left.TryGet(current, root, out var a) || !right.TryGet(current, root, out var b))
        {
            return false;
        }
        switch (op)
        {
            case "==": return JsonValues.Equal(a, b);
            case "!=": return !JsonValues.Equal(a, b);
            case "=~":
                return JsonValues.AsString(a) is string s && JsonValues.AsString(b) is string pattern
                    && Regex.IsMatch(s, pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            case "in": return b is JsonArray inArr && inArr.Any(e => JsonValues.Equal(a, e));
            case "nin": return b is JsonArray ninArr && !ninArr.Any(e => JsonValues.Equal(a, e));
        }
        int? order = (JsonValues.AsNumber(a), JsonValues.AsNumber(b)) is (decimal x, decimal y) ? x.CompareTo(y)
            : (JsonValues.AsString(a), JsonValues.AsString(b)) is (string p, string q) ? string.CompareOrdinal(p, q)
            : null;
        return order is int o && op switch
        {
            "<" => o < 0,
            "<=" => o <= 0,
            ">" => o > 0,
            _ => o >= 0,
        };
    }
}
