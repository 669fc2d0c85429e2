using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Templates.Transform;

internal static partial class FunctionTranslator
{
    private static MappingNode Role(TransformContext ctx, string id, MappingNode props, MappingNode passThrough, List<TemplateNode> invokePolicies)
    {
        var roleId = id + "Role";
        var managed = Nodes.List(Nodes.Str(Arns.ManagedPolicy(ctx.Partition, "service-role/AWSLambdaBasicExecutionRole")));
        if (props["Tracing"] is not null)
        {
            managed.Items.Add(Nodes.Str(Arns.ManagedPolicy(ctx.Partition, "AWSXrayWriteOnlyAccess")));
        }
        if (props["VpcConfig"] is not null)
        {
            managed.Items.Add(Nodes.Str(Arns.ManagedPolicy(ctx.Partition, "service-role/AWSLambdaVPCAccessExecutionRole")));
        }

        var documents = new List<TemplateNode>();
        if (props["DeadLetterQueue"] is { } dlqNode)
        {
            var dlq = Dlq(dlqNode, id);
            documents.Add(Nodes.Map(("PolicyName", Nodes.Str("DeadLetterQueuePolicy")), ("PolicyDocument", Nodes.Map(
                ("Version", Nodes.Str("2012-10-17")),
                ("Statement", Nodes.List(Nodes.Map(("Action", Nodes.Str(dlq.Type == "SQS" ? "sqs:SendMessage" : "sns:Publish")), ("Resource", dlq.TargetArn.Clone()), ("Effect", Nodes.Str("Allow")))))))));
        }
        documents.AddRange(invokePolicies);

        var policies = props["Policies"] switch
        {
            null => [],
            SequenceNode l => l.Items,
            var single => [single],
        };
        var (_, userDocuments) = ResolvePolicies(ctx, id, policies, managed);
        documents.AddRange(userDocuments);

        var properties = Nodes.Map(
            ("AssumeRolePolicyDocument", props["AssumeRolePolicyDocument"]?.Clone() ?? AssumeRole("lambda.amazonaws.com")),
            ("ManagedPolicyArns", managed),
            ("Policies", documents.Count == 0 ? null : Nodes.List(documents)),
            ("PermissionsBoundary", props["PermissionsBoundary"]?.Clone()),
            ("Path", props["RolePath"]?.Clone()),
            ("Tags", TagList(props["Tags"] as MappingNode)));
        return TransformContext.Resource("AWS::IAM::Role", properties, (MappingNode)passThrough.Clone());
    }

    /// <summary>
    /// SAM's Policies (construct_role_for_resource): managed names → ARNs (deduplicated into <paramref name="managed"/>),
    /// intrinsics as ARNs, inline <c>Statement</c> documents and policy templates as <c>&lt;Id&gt;RolePolicy&lt;index&gt;</c>.
    /// </summary>
    internal static (SequenceNode Managed, List<TemplateNode> Documents) ResolvePolicies(TransformContext ctx, string id, IReadOnlyList<TemplateNode> policies, SequenceNode? managed = null)
    {
        managed ??= Nodes.List();
        var documents = new List<TemplateNode>();
        var roleId = id + "Role";
        for (var i = 0; i < policies.Count; i++)
        {
            var policy = policies[i];
            switch (policy)
            {
                case ScalarNode s:
                {
                    var arn = ManagedPolicies.Arn(s.Value, ctx.Partition) is { } known ? Nodes.Str(known) : s.Clone();
                    if (!managed.Items.Any(m => m.DataEquals(arn)))
                        {
                            managed.Items.Add(arn);
                        }
                        break;
                }
                case MappingNode { IntrinsicName: { } fn } m when fn != "Fn::If":
                    if (!managed.Items.Any(x => x.DataEquals(m)))
                    {
                        managed.Items.Add(m.Clone());
                    }
                    break;
                case MappingNode m when m.Contains("Statement"):
                    documents.Add(Nodes.Map(("PolicyName", Nodes.Str($"{roleId}Policy{i}")), ("PolicyDocument", m.Clone())));
                    break;
                case MappingNode { Count: 1 } m when PolicyTemplates.Has(m.Entries[0].Key.Value):
                {
                    var name = m.Entries[0].Key.Value;
                    var values = m.Entries[0].Value as MappingNode
                        ?? throw new InvalidResource(m.Entries[0].Value.Mark, id, $"Parameters of policy template '{name}' must be a dictionary.", $"write `- {name}: {{ ParameterName: value }}` (or `{{}}` for a template without parameters).");
                    var (document, missing) = PolicyTemplates.Expand(name, values);
                    if (document is null)
                        {
                            throw new InvalidResource(m.Mark, id, $"Following required parameters of template '{name}' don't have values: {GlobalsMerger.PyList(missing)}",
                            $"give them, e.g. `- {name}:\n        {missing[0]}: !Ref MyResource`.");
                        }
                        documents.Add(Nodes.Map(("PolicyName", Nodes.Str($"{roleId}Policy{i}")), ("PolicyDocument", document)));
                    break;
                }
                default:
                    throw new InvalidResource(policy.Mark, id, $"Policy at index {i} in the 'Policies' property is not valid",
                        $"use a managed policy name or ARN, a policy template ({string.Join(", ", PolicyTemplates.Names.Take(6))}, …) or an inline `Statement:` document.");
            }
        }
        return (managed, documents);
    }

    internal static MappingNode AssumeRole(string service) => Nodes.Map(
        ("Version", Nodes.Str("2012-10-17")),
        ("Statement", Nodes.List(Nodes.Map(
            ("Action", Nodes.List(Nodes.Str("sts:AssumeRole"))),
            ("Effect", Nodes.Str("Allow")),
            ("Principal", Nodes.Map(("Service", Nodes.List(Nodes.Str(service)))))))));

    private static (string Type, TemplateNode TargetArn) Dlq(TemplateNode node, string id)
    {
        if (node is not MappingNode m || m["Type"]?.AsString() is not ("SQS" or "SNS") || m["TargetArn"] is null)
        {
            throw new InvalidResource(node.Mark, id, "'DeadLetterQueue' requires Type of SQS or SNS", "write `DeadLetterQueue: { Type: SQS, TargetArn: !GetAtt MyDlq.Arn }`.");
        }
        return (m["Type"]!.AsString()!, m["TargetArn"]!);
    }

    private static List<TemplateNode> EventInvokeConfig(TransformContext ctx, string id, string? aliasId, TemplateNode? aliasName, MappingNode eic, MappingNode passThrough)
    {
        var logicalId = id + "EventInvokeConfig";
        var policies = new List<TemplateNode>();
        var destinations = new MappingNode(SourceMark.None);
        if (eic["DestinationConfig"] is MappingNode config)
        {
            foreach (var which in new[] { "OnSuccess", "OnFailure" })
            {
                if (config[which] is not MappingNode d)
                {
                    continue;
                }
                var type = d["Type"]?.AsString();
                if (type is not ("SQS" or "SNS" or "EventBridge" or "Lambda"))
                {
                    throw new InvalidResource(d.Mark, id, $"'Type: {type ?? "None"}' must be one of ['SQS', 'SNS', 'EventBridge', 'Lambda']", "set Type to SQS, SNS, EventBridge or Lambda.");
                }
                var resourceId = logicalId + which;
                var destination = d["Destination"]?.Clone();
                if (destination is null)
                {
                    if (type is not ("SQS" or "SNS"))
                    {
                        throw new InvalidResource(d.Mark, id, "Destination is required if Type is not ['SQS', 'SNS']", "give Destination: the ARN of the function or event bus.");
                    }
                    var created = resourceId + (type == "SQS" ? "Queue" : "Topic");
                    ctx.Add(created, TransformContext.Resource(type == "SQS" ? "AWS::SQS::Queue" : "AWS::SNS::Topic", new MappingNode(SourceMark.None), (MappingNode)passThrough.Clone()));
                    destination = type == "SQS" ? Nodes.GetAtt(created, "Arn") : Nodes.Ref(created);
                }
                destinations.Set(which, Nodes.Map(("Destination", destination)));
                var (suffix, action) = type switch
                {
                    "SQS" => ("SQSPolicy", "sqs:SendMessage"),
                    "SNS" => ("SNSPolicy", "sns:publish"),
                    "Lambda" => ("LambdaPolicy", "lambda:InvokeFunction"),
                    _ => ("EventBridgePolicy", "events:PutEvents"),
                };
                policies.Add(Nodes.Map(("PolicyName", Nodes.Str(resourceId + suffix)), ("PolicyDocument", Nodes.Map(("Statement", Nodes.List(Nodes.Map(
                    ("Action", Nodes.Str(action)), ("Effect", Nodes.Str("Allow")), ("Resource", destination.Clone()))))))));
            }
        }
        var attributes = (MappingNode)passThrough.Clone();
        if (aliasId is not null)
        {
            attributes.Set("DependsOn", Nodes.List(Nodes.Str(aliasId)));
        }
        ctx.Add(logicalId, TransformContext.Resource("AWS::Lambda::EventInvokeConfig", Nodes.Map(
            ("FunctionName", Nodes.Ref(id)),
            ("Qualifier", aliasId is null ? Nodes.Str("$LATEST") : aliasName!.Clone()),
            ("DestinationConfig", destinations),
            ("MaximumEventAgeInSeconds", eic["MaximumEventAgeInSeconds"]?.Clone()),
            ("MaximumRetryAttempts", eic["MaximumRetryAttempts"]?.Clone())), attributes));
        return policies;
    }
}
