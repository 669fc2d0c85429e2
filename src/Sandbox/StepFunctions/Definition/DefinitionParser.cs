using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Sandbox.StepFunctions.Intrinsics;
using Course.Sandbox.StepFunctions.Paths;

namespace Course.Sandbox.StepFunctions.Definition;

/// <summary>
/// Turns ASL JSON into a <see cref="StateMachineDefinition"/>, collecting every problem as AWS's validator reports it:
/// schema problems (<c>SCHEMA_VALIDATION_FAILED</c>: missing, unsupported or mistyped fields, bad paths, bad Choice
/// rules), then transitions (<c>MISSING_TRANSITION_TARGET</c>: unknown targets, unreachable states), then
/// <c>MISSING_END_STATE</c>.
/// </summary>
internal sealed partial class DefinitionParser
{
    private static readonly string[] Common = ["Type", "Comment", "QueryLanguage"];
    private static readonly string[] Io = ["InputPath", "OutputPath"];
    private static readonly string[] Flow = ["Next", "End"];
    private static readonly string[] Errors = ["Retry", "Catch"];
    private static readonly string[] WaitFields = ["Seconds", "Timestamp", "SecondsPath", "TimestampPath"];

    private static readonly string[] JsonataOnly = ["Arguments", "Output", "Items", "Condition"];

    private static readonly Dictionary<StateType, IReadOnlySet<string>> Allowed = new()
    {
        [StateType.Pass] = Set(Common, Io, Flow, ["ResultPath", "Parameters", "Result", "Assign"]),
        [StateType.Task] = Set(Common, Io, Flow, Errors, ["ResultPath", "Parameters", "ResultSelector", "Resource", "TimeoutSeconds",
            "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials", "Assign"]),
        [StateType.Choice] = Set(Common, Io, ["Choices", "Default", "Assign"]),
        [StateType.Wait] = Set(Common, Io, Flow, ["Seconds", "Timestamp", "SecondsPath", "TimestampPath", "Assign"]),
        [StateType.Succeed] = Set(Common, Io),
        [StateType.Fail] = Set(Common, ["Error", "Cause", "ErrorPath", "CausePath"]),
        [StateType.Parallel] = Set(Common, Io, Flow, Errors, ["ResultPath", "Parameters", "ResultSelector", "Branches", "Assign"]),
        [StateType.Map] = Set(Common, Io, Flow, Errors, ["ResultPath", "Parameters", "ResultSelector", "ItemsPath", "ItemSelector",
            "ItemProcessor", "Iterator", "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailureCount", "ToleratedFailureCountPath",
            "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "ItemReader", "ItemBatcher", "ResultWriter", "Label", "Assign"]),
    };

    private readonly List<DefinitionDiagnostic> _schema = [];
    private readonly List<DefinitionDiagnostic> _transitions = [];
    private readonly List<DefinitionDiagnostic> _ends = [];

    /// <summary>Parses <paramref name="json"/>; the definition is null when there are diagnostics.</summary>
    public static (StateMachineDefinition? Definition, IReadOnlyList<DefinitionDiagnostic> Diagnostics) Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            return (null, [new("INVALID_JSON_DESCRIPTION", $"The definition is not valid JSON: {e.Message.Split(" Path:")[0].Split(" LineNumber:")[0].TrimEnd()}", null)]);
        }
        if (root is not JsonObject top)
        {
            return (null, [new(FieldReader.Schema, "The definition must be a JSON object", "/")]);
        }
        var parser = new DefinitionParser();
        var definition = parser.Machine(top, "/", topLevel: true);
        var all = parser._schema.Concat(parser._transitions).Concat(parser._ends).ToList();
        return (all.Count == 0 ? definition : null, all);
    }

    private StateMachineDefinition Machine(JsonObject obj, string location, bool topLevel, string[]? extra = null)
    {
        var r = new FieldReader(obj, location, _schema);
        r.OnlyFields(Set(["StartAt", "States", "Comment"], topLevel ? ["TimeoutSeconds", "Version", "QueryLanguage"] : [], extra ?? []));
        r.Required("StartAt", "States");
        var startAt = r.String("StartAt");
        var comment = r.String("Comment");
        var timeout = topLevel ? (int?)r.Integer("TimeoutSeconds", 0, 99_999_999) : null;
        if (topLevel && r.String("QueryLanguage") is string ql && ql != "JSONPath")
        {
            r.Fail("QueryLanguage 'JSONata' is not supported by this simulator yet: write the state machine with JSONPath (the default)", r.At("QueryLanguage"));
        }
        var statesObj = r.ObjectField("States");
        var states = new Dictionary<string, StateDefinition>(StringComparer.Ordinal);
        if (statesObj is not null)
        {
            if (statesObj.Count == 0)
            {
                r.Fail("The field 'States' should be non-empty", r.At("States"));
            }
            foreach (var (name, node) in statesObj)
            {
                var at = $"{r.At("States")}/{name}";
                if (name.Length > 80)
                {
                    _schema.Add(new(FieldReader.Schema, "State names must be at most 80 characters", at));
                }
                if (node is not JsonObject so)
                {
                    _schema.Add(new(FieldReader.Schema, $"The value for the field '{name}' must be an OBJECT", at));
                    continue;
                }
                if (State(name, so, at) is { } s)
                {
                    states[name] = s;
                }
            }
        }
        if (startAt is not null && statesObj is not null && !statesObj.ContainsKey(startAt))
        {
            _transitions.Add(new("MISSING_TRANSITION_TARGET", $"Missing 'Next' target: {startAt}", r.At("StartAt")));
        }
        if (statesObj is not null)
        {
            CheckGraph(startAt, states, r.At("States"));
        }
        return new StateMachineDefinition(startAt ?? "", states, timeout, comment);
    }

    private StateDefinition? State(string name, JsonObject obj, string at)
    {
        var r = new FieldReader(obj, at, _schema);
        r.Required("Type");
        var typeText = r.String("Type");
        if (typeText is null)
        {
            return null;
        }
        if (!Enum.TryParse<StateType>(typeText, ignoreCase: false, out var type) || !Enum.IsDefined(type) || typeText.Any(char.IsDigit))
        {
            r.Fail($"Value is not a valid state type: '{typeText}' (one of Task, Pass, Choice, Wait, Succeed, Fail, Parallel, Map)", r.At("Type"));
            return null;
        }
        foreach (var jsonata in JsonataOnly.Where(r.Has))
        {
            r.Fail($"The QueryLanguage is set to 'JSONPath', but field '{jsonata}' is only supported for the 'JSONata' QueryLanguage");
        }
        r.OnlyFields(Allowed[type].Concat(JsonataOnly).ToHashSet(StringComparer.Ordinal));
        var next = r.String("Next");
        var end = r.Boolean("End") ?? false;
        if (type is StateType.Task or StateType.Pass or StateType.Wait or StateType.Parallel or StateType.Map)
        {
            if (next is null && !end && !r.Has("Next"))
            {
                r.Fail("There should be exactly one of the following fields: [Next, End]");
            }
            else if (next is not null && end)
            {
                r.Fail("There should only be one of the following fields: [Next, End]");
            }
        }
        if (type == StateType.Task)
        {
            r.Required("Resource");
        }
        if (type == StateType.Choice)
        {
            r.Required("Choices");
        }

        var parameters = Template(r, "Parameters");
        var (distributed, childType) = type == StateType.Map ? ProcessorConfig(r) : (false, Executions.WorkflowType.Standard);
        if (type == StateType.Map)
        {
            DistributedOnly(r, distributed);
        }

        var label = r.String("Label");
        if (label is { Length: 0 or > 40 })
        {
            r.Fail("The Label must be 1 to 40 characters long", r.At("Label"));
        }

        var state = new StateDefinition
        {
            Name = name,
            Type = type,
            Next = next,
            End = end,
            InputPath = OptionalPathField(r, "InputPath", reference: false),
            OutputPath = OptionalPathField(r, "OutputPath", reference: true),
            ResultPath = OptionalPathField(r, "ResultPath", reference: true),
            Parameters = parameters,
            HasParameters = r.Has("Parameters"),
            ResultSelector = Template(r, "ResultSelector"),
            Result = obj["Result"]?.DeepClone(),
            HasResult = r.Has("Result"),
            Assign = AssignField(r),
            Resource = r.String("Resource"),
            TimeoutSeconds = (int?)r.Integer("TimeoutSeconds", 1, 99_999_999),
            TimeoutSecondsPath = PathField(r, "TimeoutSecondsPath", reference: true),
            HeartbeatSeconds = (int?)r.Integer("HeartbeatSeconds", 1, 99_999_999),
            HeartbeatSecondsPath = PathField(r, "HeartbeatSecondsPath", reference: true),
            Retry = Retries(r),
            Catch = Catches(r),
            Choices = type == StateType.Choice ? Choices(r) : [],
            Default = r.String("Default"),
            Seconds = r.Integer("Seconds", 0, 99_999_999),
            Timestamp = TimestampField(r, "Timestamp"),
            SecondsPath = PathField(r, "SecondsPath", reference: true),
            TimestampPath = PathField(r, "TimestampPath", reference: true),
            Error = r.String("Error"),
            Cause = r.String("Cause"),
            ErrorPath = PathOrIntrinsic(r, "ErrorPath"),
            CausePath = PathOrIntrinsic(r, "CausePath"),
            Branches = type == StateType.Parallel ? Branches(r) : [],
            ItemProcessor = type == StateType.Map ? Processor(r) : null,
            ItemsPath = PathField(r, "ItemsPath", reference: true, context: true) ?? "$",
            ItemSelector = Template(r, "ItemSelector"),
            MaxConcurrency = (int)(r.Integer("MaxConcurrency", 0, int.MaxValue) ?? 0),
            MaxConcurrencyPath = PathField(r, "MaxConcurrencyPath", reference: true),
            ToleratedFailureCount = (int?)r.Integer("ToleratedFailureCount", 0, int.MaxValue),
            ToleratedFailureCountPath = PathField(r, "ToleratedFailureCountPath", reference: true),
            ToleratedFailurePercentage = r.Number("ToleratedFailurePercentage", 0, 100),
            ToleratedFailurePercentagePath = PathField(r, "ToleratedFailurePercentagePath", reference: true),
            Distributed = distributed,
            ChildExecutionType = childType,
            ItemReader = distributed ? ItemReader(r) : null,
            ItemBatcher = distributed ? ItemBatcher(r) : null,
            ResultWriter = distributed ? ResultWriter(r) : null,
            Label = label,
        };
        if (type == StateType.Task && r.Has("Credentials"))
        {
            r.ObjectField("Credentials");
        }
        if (state.Resource is string resource && Integrations.TaskResource.Parse(resource) is null)
        {
            _schema.Add(new("INVALID_RESOURCE",
                $"The resource provided {resource} is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.",
                r.At("Resource")));
        }
        if (type == StateType.Wait)
        {
            var count = WaitFields.Count(r.Has);
            if (count == 0)
            {
                r.Fail("There should be exactly one of the following fields: [Seconds, Timestamp, SecondsPath, TimestampPath]");
            }
            else if (count > 1)
            {
                r.Fail("There should only be one of the following fields: [Seconds, Timestamp, SecondsPath, TimestampPath]");
            }
        }
        if (type == StateType.Fail)
        {
            r.AtMostOne("Error", "ErrorPath");
            r.AtMostOne("Cause", "CausePath");
        }
        if (type == StateType.Task)
        {
            r.AtMostOne("TimeoutSeconds", "TimeoutSecondsPath");
            r.AtMostOne("HeartbeatSeconds", "HeartbeatSecondsPath");
            if (state.HeartbeatSeconds is int hb && (state.TimeoutSeconds ?? 99_999_999) <= hb)
            {
                r.Fail("HeartbeatSeconds must be smaller than TimeoutSeconds", r.At("HeartbeatSeconds"));
            }
        }
        if (type == StateType.Map)
        {
            r.AtMostOne("ItemProcessor", "Iterator");
            if (!r.Has("ItemProcessor") && !r.Has("Iterator"))
            {
                r.Fail("These fields are required: [ItemProcessor]");
            }
            r.AtMostOne("ItemSelector", "Parameters");
            r.AtMostOne("MaxConcurrency", "MaxConcurrencyPath");
            r.AtMostOne("ToleratedFailureCount", "ToleratedFailureCountPath");
            r.AtMostOne("ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
        }
        if (type == StateType.Pass)
        {
            r.AtMostOne("Result", "Parameters");
        }
        return state;
    }

    private static OptionalPath OptionalPathField(FieldReader r, string name, bool reference)
    {
        if (!r.Object.TryGetPropertyValue(name, out var node))
        {
            return OptionalPath.Root;
        }
        if (node is null)
        {
            return new OptionalPath(null);
        }
        return PathField(r, name, reference) is string p ? new OptionalPath(p) : OptionalPath.Root;
    }

    private static string? PathField(FieldReader r, string name, bool reference, bool context = false)
    {
        var text = r.String(name);
        if (text is null)
        {
            return null;
        }
        try
        {
            var path = PathCache.Get(text);
            if (reference && !path.IsReference)
            {
                r.Fail("Value is not a Reference Path", r.At(name));
            }
            else if (reference && path.Root != PathRoot.Input && !context && path.Root != PathRoot.Variable)
            {
                r.Fail("Value is not a Reference Path", r.At(name));
            }
            else
            {
                return text;
            }
        }
        catch (JsonPathException e)
        {
            r.Fail($"Value is not a valid JSONPath: {e.Message}", r.At(name));
        }
        return null;
    }

    private static string? PathOrIntrinsic(FieldReader r, string name)
    {
        var text = r.String(name);
        if (text is null)
        {
            return null;
        }
        if (IntrinsicParser.IsIntrinsic(text))
        {
            return CheckIntrinsic(r, name, text) ? text : null;
        }
        return PathField(r, name, reference: true, context: true);
    }

    private static bool CheckIntrinsic(FieldReader r, string at, string text)
    {
        try
        {
            PathCache.GetIntrinsic(text);
            return true;
        }
        catch (JsonPathException e)
        {
            r.Fail(e.Message, at);
            return false;
        }
    }

    private static DateTimeOffset? TimestampField(FieldReader r, string name)
    {
        var text = r.String(name);
        if (text is null)
        {
            return null;
        }
        if (Timestamps.TryParse(text, out var t))
        {
            return t;
        }
        r.Fail("The value for the field 'Timestamp' must be a valid ISO-8601 timestamp, e.g. 2026-03-14T01:59:00Z", r.At(name));
        return null;
    }

    private static IReadOnlySet<string> Set(params string[][] groups) => groups.SelectMany(g => g).ToHashSet(StringComparer.Ordinal);
}
