using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Sandbox.StepFunctions.Intrinsics;
using Course.Sandbox.StepFunctions.Paths;

namespace Course.Sandbox.StepFunctions.Definition;

internal sealed partial class DefinitionParser
{
    private static readonly IReadOnlySet<string> RetryFields = Set(["ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment"]);
    private static readonly IReadOnlySet<string> CatchFields = Set(["ErrorEquals", "Next", "ResultPath", "Assign", "Comment"]);

    /// <summary>A payload template (Parameters, ResultSelector, ItemSelector): every <c>.$</c> value must be a path or an intrinsic.</summary>
    private static JsonNode? Template(FieldReader r, string name)
    {
        if (!r.Object.TryGetPropertyValue(name, out var node))
        {
            return null;
        }
        CheckTemplate(r, node, r.At(name));
        return node?.DeepClone();
    }

    private static void CheckTemplate(FieldReader r, JsonNode? node, string at)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    var here = $"{at}/{key}";
                    if (!key.EndsWith(".$", StringComparison.Ordinal)) { CheckTemplate(r, value, here); continue; }
                    if (value?.GetValueKind() != JsonValueKind.String)
                    {
                        r.Fail($"The value for the field '{key}' must be a STRING that contains a JSONPath or an intrinsic function", here);
                        continue;
                    }
                    var text = value.GetValue<string>();
                    if (IntrinsicParser.IsIntrinsic(text))
                    {
                        CheckIntrinsic(r, here, text);
                    }
                    else
                    {
                        try
                        {
                            PathCache.Get(text);
                        }
                        catch (JsonPathException e)
                        {
                            r.Fail($"The value for the field '{key}' must be a valid JSONPath or a valid intrinsic function call: {e.Message}", here);
                        }
                    }
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    CheckTemplate(r, a[i], $"{at}[{i}]");
                }
                break;
        }
    }

    private static JsonObject? AssignField(FieldReader r)
    {
        var assign = r.ObjectField("Assign");
        if (assign is null)
        {
            return null;
        }
        foreach (var (key, _) in assign)
        {
            var name = key.EndsWith(".$", StringComparison.Ordinal) ? key[..^2] : key;
            if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                r.Fail($"The variable name '{name}' is invalid: use letters, digits and underscores, starting with a letter or underscore", $"{r.At("Assign")}/{key}");
            }
        }
        CheckTemplate(r, assign, r.At("Assign"));
        return (JsonObject)assign.DeepClone();
    }

    private List<RetryPolicy> Retries(FieldReader r)
    {
        var list = new List<RetryPolicy>();
        if (r.ArrayField("Retry") is not { } array)
        {
            return list;
        }
        for (var i = 0; i < array.Count; i++)
        {
            var at = $"{r.At("Retry")}[{i}]";
            if (array[i] is not JsonObject o) { r.Fail("The value for the field 'Retry' must be an ARRAY of OBJECTs", at); continue; }
            var rr = new FieldReader(o, at, _schema);
            rr.OnlyFields(RetryFields);
            var errors = ErrorEquals(rr, last: i == array.Count - 1);
            var jitter = rr.String("JitterStrategy");
            if (jitter is not (null or "FULL" or "NONE"))
            {
                rr.Fail("The value for the field 'JitterStrategy' must be one of [FULL, NONE]", rr.At("JitterStrategy"));
            }
            list.Add(new RetryPolicy
            {
                ErrorEquals = errors,
                IntervalSeconds = (int)(rr.Integer("IntervalSeconds", 1, 99_999_999) ?? 1),
                MaxAttempts = (int)(rr.Integer("MaxAttempts", 0, 99_999_999) ?? 3),
                BackoffRate = rr.Number("BackoffRate", 1.0) ?? 2.0,
                MaxDelaySeconds = (int?)rr.Integer("MaxDelaySeconds", 1, 31_622_400),
                FullJitter = jitter == "FULL",
            });
        }
        return list;
    }

    private List<CatchPolicy> Catches(FieldReader r)
    {
        var list = new List<CatchPolicy>();
        if (r.ArrayField("Catch") is not { } array)
        {
            return list;
        }
        for (var i = 0; i < array.Count; i++)
        {
            var at = $"{r.At("Catch")}[{i}]";
            if (array[i] is not JsonObject o) { r.Fail("The value for the field 'Catch' must be an ARRAY of OBJECTs", at); continue; }
            var cr = new FieldReader(o, at, _schema);
            cr.OnlyFields(CatchFields);
            cr.Required("ErrorEquals", "Next");
            list.Add(new CatchPolicy
            {
                ErrorEquals = ErrorEquals(cr, last: i == array.Count - 1),
                Next = cr.String("Next") ?? "",
                ResultPath = OptionalPathField(cr, "ResultPath", reference: true),
                Assign = AssignField(cr),
            });
        }
        return list;
    }

    private static List<string> ErrorEquals(FieldReader r, bool last)
    {
        r.Required("ErrorEquals");
        var names = new List<string>();
        if (r.ArrayField("ErrorEquals") is not { } array)
        {
            return names;
        }
        if (array.Count == 0)
        {
            r.Fail("The field 'ErrorEquals' should be non-empty", r.At("ErrorEquals"));
        }
        foreach (var e in array)
        {
            if (e?.GetValueKind() == JsonValueKind.String)
            {
                names.Add(e.GetValue<string>());
            }
            else
            {
                r.Fail("The value for the field 'ErrorEquals' must be an ARRAY of STRINGs", r.At("ErrorEquals"));
            }
        }
        if (names.Contains(StatesErrors.All) && names.Count > 1)
        {
            r.Fail("'States.ALL' must appear alone in ErrorEquals", r.At("ErrorEquals"));
        }
        else if (names.Contains(StatesErrors.All) && !last)
        {
            r.Fail("A rule with 'States.ALL' must be the last one in its Retry or Catch", r.At("ErrorEquals"));
        }
        return names;
    }

    private List<StateMachineDefinition> Branches(FieldReader r)
    {
        r.Required("Branches");
        var list = new List<StateMachineDefinition>();
        if (r.ArrayField("Branches") is not { } array)
        {
            return list;
        }
        if (array.Count == 0)
        {
            r.Fail("The field 'Branches' should be non-empty", r.At("Branches"));
        }
        for (var i = 0; i < array.Count; i++)
        {
            var at = $"{r.At("Branches")}[{i}]";
            if (array[i] is JsonObject o)
            {
                list.Add(Machine(o, at, topLevel: false));
            }
            else
            {
                r.Fail("The value for the field 'Branches' must be an ARRAY of OBJECTs", at);
            }
        }
        return list;
    }

    private StateMachineDefinition? Processor(FieldReader r)
    {
        var name = r.Has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        if (r.ObjectField(name) is not { } o)
        {
            return null;
        }
        return Machine(o, r.At(name), topLevel: false, extra: name == "ItemProcessor" ? ["ProcessorConfig"] : []);
    }

    /// <summary>Transition targets must exist in the same States; every state must be reachable from StartAt; some state must end.</summary>
    private void CheckGraph(string? startAt, Dictionary<string, StateDefinition> states, string at)
    {
        var edges = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, s) in states)
        {
            var targets = new List<(string Target, string Where)>();
            if (s.Next is not null)
            {
                targets.Add((s.Next, $"{at}/{name}/Next"));
            }
            for (var i = 0; i < s.Choices.Count; i++)
            {
                if (s.Choices[i].Next is string n)
                {
                    targets.Add((n, $"{at}/{name}/Choices[{i}]/Next"));
                }
            }
            if (s.Default is not null)
            {
                targets.Add((s.Default, $"{at}/{name}/Default"));
            }
            for (var i = 0; i < s.Catch.Count; i++)
            {
                if (s.Catch[i].Next.Length > 0)
                {
                    targets.Add((s.Catch[i].Next, $"{at}/{name}/Catch[{i}]/Next"));
                }
            }
            foreach (var (target, where) in targets)
            {
                if (!states.ContainsKey(target))
                {
                    _transitions.Add(new("MISSING_TRANSITION_TARGET", $"Missing 'Next' target: {target}", where));
                }
            }
            edges[name] = targets.Select(t => t.Target).ToList();
        }
        if (!states.Values.Any(s => s.End || s.Type is StateType.Succeed or StateType.Fail))
        {
            _ends.Add(new("MISSING_END_STATE", "Workflow has no terminal state", null));
            return;
        }
        if (startAt is null || !states.ContainsKey(startAt))
        {
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal) { startAt };
        var stack = new Stack<string>([startAt]);
        while (stack.Count > 0)
        {
            foreach (var t in edges[stack.Pop()])
            {
                if (states.ContainsKey(t) && seen.Add(t))
                {
                    stack.Push(t);
                }
            }
        }
        foreach (var name in states.Keys)
        {
            if (!seen.Contains(name))
            {
                _transitions.Add(new("MISSING_TRANSITION_TARGET", $"State \"{name}\" is not reachable.", $"{at}/{name}"));
            }
        }
    }
}
