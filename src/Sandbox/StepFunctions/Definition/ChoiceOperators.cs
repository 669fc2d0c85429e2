using System.Text.Json;

namespace Course.Sandbox.StepFunctions.Definition;

/// <summary>The comparison operators of Choice rules and the JSON kind each one's operand must have (catalogue row SFN_04).</summary>
internal static class ChoiceOperators
{
    /// <summary>Operator name → operand kind (String for paths of the <c>…Path</c> variants).</summary>
    public static readonly IReadOnlyDictionary<string, JsonValueKind> Operand = Build();

    private static Dictionary<string, JsonValueKind> Build()
    {
        var d = new Dictionary<string, JsonValueKind>(StringComparer.Ordinal);
        string[] orders = ["Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals"];
        foreach (var o in orders)
        {
            d["String" + o] = JsonValueKind.String;
            d["Numeric" + o] = JsonValueKind.Number;
            d["Timestamp" + o] = JsonValueKind.String;
            d["String" + o + "Path"] = JsonValueKind.String;
            d["Numeric" + o + "Path"] = JsonValueKind.String;
            d["Timestamp" + o + "Path"] = JsonValueKind.String;
        }
        d["BooleanEquals"] = JsonValueKind.True;
        d["BooleanEqualsPath"] = JsonValueKind.String;
        d["StringMatches"] = JsonValueKind.String;
        foreach (var t in new[] { "IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp" })
        {
            d[t] = JsonValueKind.True;
        }
        return d;
    }
}
