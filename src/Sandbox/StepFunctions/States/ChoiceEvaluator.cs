using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Sandbox.StepFunctions.Definition;
using Course.Sandbox.StepFunctions.Paths;

namespace Course.Sandbox.StepFunctions.States;

/// <summary>
/// Evaluates Choice rules (catalogue row SFN_04): String/Numeric/Boolean/Timestamp comparisons and their <c>…Path</c>
/// variants, StringMatches with <c>*</c> wildcards, the Is* type tests, And/Or/Not. A comparison of mismatched types
/// is false; a Variable that selects nothing is a <c>States.Runtime</c> error except for IsPresent.
/// </summary>
internal static class ChoiceEvaluator
{
    /// <summary>True when <paramref name="rule"/> holds for the state's (effective) input.</summary>
    public static bool Matches(ChoiceRule rule, PathScope scope)
    {
        switch (rule.Operator)
        {
            case "And": return rule.Rules.All(r => Matches(r, scope));
            case "Or": return rule.Rules.Any(r => Matches(r, scope));
            case "Not": return !Matches(rule.Rules[0], scope);
        }
        var path = PathCache.Get(rule.Variable!);
        var found = path.TryEvaluate(scope.Start(path), out var value);
        var flag = JsonValues.AsBoolean(rule.Operand) ?? false;
        if (rule.Operator == "IsPresent")
        {
            return found == flag;
        }
        if (!found)
        {
            throw new StatesException(StatesErrors.Runtime, $"Invalid path '{rule.Variable}': The choice state's condition path references an invalid value.");
        }
        var kind = JsonValues.Kind(value);
        switch (rule.Operator)
        {
            case "IsNull": return (kind == JsonValueKind.Null) == flag;
            case "IsNumeric": return (kind == JsonValueKind.Number) == flag;
            case "IsString": return (kind == JsonValueKind.String) == flag;
            case "IsBoolean": return (kind is JsonValueKind.True or JsonValueKind.False) == flag;
            case "IsTimestamp": return Timestamps.TryParse(JsonValues.AsString(value), out _) == flag;
            case "StringMatches": return JsonValues.AsString(value) is string s && WildcardMatch(s, JsonValues.AsString(rule.Operand)!);
        }
        var op = rule.Operator;
        var operand = rule.Operand;
        if (op.EndsWith("Path", StringComparison.Ordinal))
        {
            op = op[..^4];
            var text = JsonValues.AsString(operand)!;
            var other = PathCache.Get(text);
            if (!other.TryEvaluate(scope.Start(other), out operand))
            {
                throw new StatesException(StatesErrors.Runtime, $"Invalid path '{text}': The choice state's condition path references an invalid value.");
            }
        }
        if (op == "BooleanEquals")
        {
            return JsonValues.AsBoolean(value) is bool b && JsonValues.AsBoolean(operand) is bool c && b == c;
        }
        int? order = op switch
        {
            _ when op.StartsWith("String", StringComparison.Ordinal) =>
                JsonValues.AsString(value) is string x && JsonValues.AsString(operand) is string y ? Math.Sign(string.CompareOrdinal(x, y)) : null,
            _ when op.StartsWith("Numeric", StringComparison.Ordinal) =>
                JsonValues.AsNumber(value) is decimal m && JsonValues.AsNumber(operand) is decimal n ? m.CompareTo(n) : null,
            _ => Timestamps.TryParse(JsonValues.AsString(value), out var t) && Timestamps.TryParse(JsonValues.AsString(operand), out var u) ? t.CompareTo(u) : null,
        };
        if (order is not int o)
        {
            return false;
        }
        var comparison = op[(op.StartsWith("Timestamp", StringComparison.Ordinal) ? 9 : op.StartsWith("Numeric", StringComparison.Ordinal) ? 7 : 6)..];
        return comparison switch
        {
            "Equals" => o == 0,
            "LessThan" => o < 0,
            "GreaterThan" => o > 0,
            "LessThanEquals" => o <= 0,
            "GreaterThanEquals" => o >= 0,
            _ => false,
        };
    }

    /// <summary>StringMatches: <c>*</c> matches any run of characters; <c>\*</c> and <c>\\</c> are literal.</summary>
    public static bool WildcardMatch(string value, string pattern)
    {
        var tokens = new List<(char C, bool Star)>();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length)
            {
                tokens.Add((pattern[++i], false));
            }
            else
            {
                tokens.Add((pattern[i], pattern[i] == '*'));
            }
        }
        // Classic two-pointer wildcard match with backtracking to the last star.
        int v = 0, p = 0, star = -1, mark = 0;
        while (v < value.Length)
        {
            if (p < tokens.Count && !tokens[p].Star && tokens[p].C == value[v]) { v++; p++; }
            else if (p < tokens.Count && tokens[p].Star) { star = p++; mark = v; }
            else if (star >= 0) { p = star + 1; v = ++mark; }
            else
            {
                return false;
            }
        }
        while (p < tokens.Count && tokens[p].Star)
        {
            p++;
        }
        return p == tokens.Count;
    }
}
