using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Templates.Transform;

/// <summary>
/// A state machine's Events (SAM_02), as aws-sam-translator's state machine event sources write them:
/// <c>Schedule</c> and <c>CloudWatchEvent</c>/<c>EventBridgeRule</c> each become an <c>AWS::Events::Rule</c>
/// <c>&lt;Machine&gt;&lt;Event&gt;</c> whose target (Id <c>&lt;Machine&gt;&lt;Event&gt;StepFunctionsTarget</c>) starts the
/// machine through the role <c>&lt;Machine&gt;&lt;Event&gt;Role</c> (events.amazonaws.com, one
/// <c>states:StartExecution</c> statement on the machine, policy <c>&lt;Role&gt;StartExecutionPolicy</c>).
/// </summary>
internal static partial class StateMachineTranslator
{
    private static readonly string[] EventTypes = ["Schedule", "CloudWatchEvent", "EventBridgeRule"];

    private static void Events(TransformContext ctx, string machineId, MappingNode events, MappingNode passThrough, TemplateNode? permissionsBoundary)
    {
        foreach (var (key, node) in events.Entries.Select(e => (e.Key, e.Value)))
        {
            var name = key.Value;
            var id = machineId + name;
            if (node is not MappingNode ev || ev["Type"]?.AsString() is not { } type || !EventTypes.Contains(type))
            {
                var given = (node as MappingNode)?["Type"]?.AsString() ?? "None";
                throw InvalidResource.Event(node.Mark, machineId, name, $"Resource dict has missing or invalid value for key Type. Event Type is: {given}.",
                    $"set Type to one of {string.Join(", ", EventTypes)} (the sandbox's subset of SAM's state machine event types).");
            }

            var props = ev["Properties"] as MappingNode ?? new MappingNode(ev.Mark);
            if (props["DeadLetterConfig"] is { } dlq)
            {
                throw InvalidResource.Event(dlq.Mark, machineId, name, "the sandbox's transform does not translate DeadLetterConfig on state machine events yet.",
                    "remove DeadLetterConfig to translate here; sam deploy translates it on AWS.");
            }

            var rule = type == "Schedule" ? ScheduleRule(machineId, name, props) : EventTranslator.PatternRule(props);
            var roleId = id + "Role";
            var target = Nodes.Map(
                ("Arn", Nodes.Ref(machineId)),
                ("Id", (props["Target"] as MappingNode)?["Id"]?.Clone() ?? Nodes.Str(id + "StepFunctionsTarget")),
                ("RoleArn", Nodes.GetAtt(roleId, "Arn")),
                ("Input", props["Input"]?.Clone()),
                ("InputPath", type == "Schedule" ? null : props["InputPath"]?.Clone()),
                ("RetryPolicy", props["RetryPolicy"]?.Clone()));
            rule.Set("Targets", Nodes.List(target));
            ctx.Add(id, TransformContext.Resource("AWS::Events::Rule", rule, (MappingNode)passThrough.Clone()));
            ctx.Add(roleId, TransformContext.Resource("AWS::IAM::Role", Nodes.Map(
                ("AssumeRolePolicyDocument", FunctionTranslator.AssumeRole("events.amazonaws.com")),
                ("Policies", Nodes.List(Nodes.Map(
                    ("PolicyName", Nodes.Str(roleId + "StartExecutionPolicy")),
                    ("PolicyDocument", Nodes.Map(("Statement", Nodes.List(Nodes.Map(
                        ("Action", Nodes.Str("states:StartExecution")), ("Effect", Nodes.Str("Allow")), ("Resource", Nodes.Ref(machineId)))))))))),
                ("PermissionsBoundary", permissionsBoundary?.Clone())), (MappingNode)passThrough.Clone()));
        }
    }

    private static MappingNode ScheduleRule(string machineId, string name, MappingNode props)
    {
        var schedule = props["Schedule"] ?? throw InvalidResource.Event(props.Mark, machineId, name, "Missing required property 'Schedule'.", "add e.g. `Schedule: rate(1 hour)`.");
        if (props["State"] is not null && props["Enabled"] is not null)
        {
            throw InvalidResource.Event(props.Mark, machineId, name, "State and Enabled Properties cannot both be specified.", "keep State (ENABLED or DISABLED) or Enabled (true or false).");
        }

        return Nodes.Map(("ScheduleExpression", schedule.Clone()), ("State", EventTranslator.RuleState(props)), ("Name", props["Name"]?.Clone()), ("Description", props["Description"]?.Clone()));
    }
}
