using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Sandbox.StepFunctions.Paths;

namespace Course.Sandbox.StepFunctions.Definition;

internal sealed partial class DefinitionParser
{
    private List<ChoiceRule> Choices(FieldReader r)
    {
        var list = new List<ChoiceRule>();
        if (r.ArrayField("Choices") is not { } array)
        {
            return list;
        }
        if (array.Count == 0)
        {
            r.Fail("The field 'Choices' should be non-empty", r.At("Choices"));
        }
        for (var i = 0; i < array.Count; i++)
        {
            if (Rule(array[i], $"{r.At("Choices")}[{i}]", topLevel: true) is { } rule)
            {
                list.Add(rule);
            }
        }
        return list;
    }

    private ChoiceRule? Rule(JsonNode? node, string at, bool topLevel)
    {
        if (node is not JsonObject o)
        {
            _schema.Add(new(FieldReader.Schema, "A Choice rule must be an OBJECT", at));
            return null;
        }
        var r = new FieldReader(o, at, _schema);
        var next = r.String("Next");
        if (topLevel && !r.Has("Next"))
        {
            r.Fail("These fields are required: [Next]");
        }
        if (!topLevel && r.Has("Next"))
        {
            r.Fail("Field 'Next' is not supported (only top-level Choice rules have Next)", r.At("Next"));
        }
        var assign = topLevel ? AssignField(r) : null;
        if (!topLevel && r.Has("Assign"))
        {
            r.Fail("Field 'Assign' is not supported", r.At("Assign"));
        }

        var operators = o.Select(p => p.Key).Where(k => ChoiceOperators.Operand.ContainsKey(k) || k is "And" or "Or" or "Not").ToList();
        foreach (var (key, _) in o)
        {
            if (!operators.Contains(key) && key is not ("Variable" or "Next" or "Comment" or "Assign"))
            {
                r.Fail($"Field '{key}' is not supported", r.At(key));
            }
        }
        if (operators.Count != 1)
        {
            r.Fail(operators.Count == 0
                ? "A Choice rule must have exactly one comparison operator (StringEquals, NumericLessThan, IsPresent, …) or And, Or, Not"
                : $"A Choice rule must have exactly one comparison operator; found [{string.Join(", ", operators)}]");
            return null;
        }
        var op = operators[0];
        if (op is "And" or "Or" or "Not")
        {
            if (r.Has("Variable"))
            {
                r.Fail($"Field 'Variable' is not supported with {op}", r.At("Variable"));
            }
            var rules = new List<ChoiceRule>();
            if (op == "Not")
            {
                if (Rule(o["Not"], r.At("Not"), topLevel: false) is { } inner)
                {
                    rules.Add(inner);
                }
            }
            else if (r.ArrayField(op) is { } array)
            {
                if (array.Count == 0)
                {
                    r.Fail($"The field '{op}' should be non-empty", r.At(op));
                }
                for (var i = 0; i < array.Count; i++)
                {
                    if (Rule(array[i], $"{r.At(op)}[{i}]", topLevel: false) is { } inner)
                    {
                        rules.Add(inner);
                    }
                }
            }
            return new ChoiceRule { Operator = op, Rules = rules, Next = next, Assign = assign };
        }

        r.Required("Variable");
        var variable = r.String("Variable");
        if (variable is not null)
        {
            try
            {
                PathCache.Get(variable);
            }
            catch (JsonPathException e)
            {
                r.Fail($"Value is not a valid JSONPath: {e.Message}", r.At("Variable"));
            }
        }
        var operand = o[op];
        var kind = operand?.GetValueKind() ?? JsonValueKind.Null;
        var expected = ChoiceOperators.Operand[op];
        var ok = expected == JsonValueKind.True ? kind is JsonValueKind.True or JsonValueKind.False : kind == expected;
        if (!ok)
        {
            var word = expected switch { JsonValueKind.Number => "a NUMBER", JsonValueKind.True => "a BOOLEAN", _ => "a STRING" };
            r.Fail($"The value for the field '{op}' must be {word}", r.At(op));
        }
        else if (op.EndsWith("Path", StringComparison.Ordinal))
        {
            try
            {
                if (!PathCache.Get(operand!.GetValue<string>()).IsReference)
                {
                    r.Fail("Value is not a Reference Path", r.At(op));
                }
            }
            catch (JsonPathException e)
            {
                r.Fail($"Value is not a valid JSONPath: {e.Message}", r.At(op));
            }
        }
        else if (op.StartsWith("Timestamp", StringComparison.Ordinal) && !Timestamps.TryParse(operand!.GetValue<string>(), out _))
        {
            r.Fail($"The value for the field '{op}' must be a valid ISO-8601 timestamp, e.g. 2026-03-14T01:59:00Z", r.At(op));
        }
        return new ChoiceRule { Operator = op, Variable = variable, Operand = operand?.DeepClone(), Next = next, Assign = assign };
    }
}
