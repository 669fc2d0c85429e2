using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Templates.Transform;

/// <summary>
/// <c>AWS::Serverless::StateMachine</c> → <c>AWS::StepFunctions::StateMachine</c> and its <c>&lt;Id&gt;Role</c>
/// (states.amazonaws.com; Policies as for functions, policy templates included), as aws-sam-translator writes
/// them: an inline Definition becomes <c>DefinitionString: {"Fn::Join": ["\n", lines]}</c> of the definition
/// dumped with sorted keys and four-space indents, each intrinsic inside it moved to DefinitionSubstitutions
/// (<c>${definition_substitution_N}</c>); DefinitionUri becomes DefinitionS3Location. Translation only (the
/// Step Functions engine runs the definition).
/// </summary>
internal static partial class StateMachineTranslator
{
    public const string Type = "AWS::Serverless::StateMachine";

    private static readonly string[] Known = ["Events", "Definition", "DefinitionUri", "DefinitionSubstitutions", "Logging", "Name", "Policies", "PermissionsBoundary", "Role", "RolePath", "Type", "Tracing", "Tags", "PropagateTags"];

    public static void Translate(TransformContext ctx, string id, MappingNode resource, MappingNode props)
    {
        foreach (var e in props.Entries)
        {
            if (e.Key.Value is "AutoPublishAlias" or "DeploymentPreference" or "UseAliasAsEventTarget")
            {
                throw new InvalidResource(e.Key.Mark, id, $"the sandbox's transform does not translate StateMachine {e.Key.Value} yet.", "remove it to translate here; sam deploy translates it on AWS.");
            }
            if (!Known.Contains(e.Key.Value))
            {
                throw new InvalidResource(e.Key.Mark, id, $"property {e.Key.Value} not defined for resource of type {Type}", $"the properties are {string.Join(", ", Known)}.");
            }
        }
        var definition = props["Definition"];
        if (definition is not null and not MappingNode)
        {
            throw new InvalidResource(definition.Mark, id, "Type of property 'Definition' is invalid.", "write the Amazon States Language definition as a mapping (StartAt, States).");
        }
        var uri = props["DefinitionUri"];
        if (definition is not null && uri is not null)
        {
            throw new InvalidResource(props.Mark, id, "Specify either 'Definition' or 'DefinitionUri' property and not both.", "keep one of them.");
        }
        if (definition is null && uri is null)
        {
            throw new InvalidResource(props.Mark, id, "Either 'Definition' or 'DefinitionUri' property must be specified.", "give the ASL inline under Definition, or an s3:// DefinitionUri.");
        }
        if (props["Role"] is not null && props["Policies"] is not null)
        {
            throw new InvalidResource(props.Mark, id, "Specify either 'Role' or 'Policies' (but not both at the same time) or neither of them", "remove Role (SAM then creates one from Policies) or remove Policies.");
        }

        var machine = new MappingNode(SourceMark.None);
        var substitutions = props["DefinitionSubstitutions"] is MappingNode given ? (MappingNode)given.Clone() : new MappingNode(SourceMark.None);
        if (definition is not null)
        {
            var processed = definition.Clone();
            var counter = 1;
            Substitute(processed, substitutions, ref counter);
            if (substitutions.Count > 0)
            {
                machine.Set("DefinitionSubstitutions", substitutions);
            }
            var lines = CanonicalJson.DumpsIndented(processed).Split('\n').Select(l => (TemplateNode)Nodes.Str(l));
            machine.Set("DefinitionString", Nodes.Map(("Fn::Join", Nodes.List(Nodes.Str("\n"), Nodes.List(lines)))));
        }
        else
        {
            if (substitutions.Count > 0)
            {
                machine.Set("DefinitionSubstitutions", substitutions);
            }
            machine.Set("DefinitionS3Location", S3Location(uri!, id));
        }
        var tags = Nodes.List(Nodes.Map(("Key", Nodes.Str("stateMachine:createdBy")), ("Value", Nodes.Str("SAM"))));
        foreach (var t in (props["Tags"] as MappingNode)?.Entries ?? [])
        {
            tags.Items.Add(Nodes.Map(("Key", Nodes.Str(t.Key.Value)), ("Value", t.Value.Clone())));
        }
        var passThrough = FunctionTranslator.PassThroughAttributes(resource);
        if (props["Role"] is { } role)
        {
            machine.Set("RoleArn", role.Clone());
        }
        else
        {
            machine.Set("RoleArn", Nodes.GetAtt(id + "Role", "Arn"));
            var policies = props["Policies"] switch { null => new List<TemplateNode>(), SequenceNode l => l.Items, var one => [one] };
            if ((props["Tracing"] as MappingNode)?["Enabled"]?.AsString() == "true")
            {
                policies = [.. policies, Nodes.Str("AWSXrayWriteOnlyAccess")];
            }
            var (managed, documents) = FunctionTranslator.ResolvePolicies(ctx, id, policies);
            ctx.Add(id + "Role", TransformContext.Resource("AWS::IAM::Role", Nodes.Map(
                ("AssumeRolePolicyDocument", FunctionTranslator.AssumeRole("states.amazonaws.com")),
                ("ManagedPolicyArns", managed),
                ("Policies", documents.Count == 0 ? null : Nodes.List(documents)),
                ("PermissionsBoundary", props["PermissionsBoundary"]?.Clone()),
                ("Path", props["RolePath"]?.Clone()),
                ("Tags", tags.Clone())), (MappingNode)passThrough.Clone()));
        }
        machine.Set("StateMachineName", props["Name"]?.Clone()!);
        if (props["Name"] is null)
        {
            machine.Remove("StateMachineName");
        }
        foreach (var (from, to) in new[] { ("Type", "StateMachineType"), ("Logging", "LoggingConfiguration"), ("Tracing", "TracingConfiguration") })
        {
            if (props[from] is { } v)
            {
                machine.Set(to, v.Clone());
            }
        }
        machine.Set("Tags", tags);
        var attributes = (MappingNode)passThrough.Clone();
        if (resource["DependsOn"] is { } d)
        {
            attributes.Set("DependsOn", d.Clone());
        }
        ctx.Add(id, TransformContext.Resource("AWS::StepFunctions::StateMachine", machine, attributes));
        if (props["Events"] is MappingNode events)
        {
            Events(ctx, id, events, passThrough, props["PermissionsBoundary"]);
        }
    }

    private static void Substitute(TemplateNode node, MappingNode substitutions, ref int counter)
    {
        switch (node)
        {
            case MappingNode m:
                foreach (var e in m.Entries.OrderBy(e => e.Key.Value, StringComparer.Ordinal).ToList())
                {
                    if (IsDynamic(e.Value))
                    {
                        m.Set(e.Key.Value, Placeholder(e.Value, substitutions, ref counter));
                    }
                    else
                    {
                        Substitute(e.Value, substitutions, ref counter);
                    }
                }
                break;
            case SequenceNode l:
                for (var i = 0; i < l.Items.Count; i++)
                {
                    if (IsDynamic(l.Items[i]))
                    {
                        l.Items[i] = Placeholder(l.Items[i], substitutions, ref counter);
                    }
                    else
                    {
                        Substitute(l.Items[i], substitutions, ref counter);
                    }
                }
                break;
        }
    }

    private static bool IsDynamic(TemplateNode node) =>
        node is MappingNode { IntrinsicName: not null } || node is ScalarNode s && s.Value.StartsWith("{{resolve:", StringComparison.Ordinal) && s.Value.EndsWith("}}", StringComparison.Ordinal);

    private static ScalarNode Placeholder(TemplateNode value, MappingNode substitutions, ref int counter)
    {
        substitutions.Set($"definition_substitution_{counter}", value);
        return Nodes.Str($"${{definition_substitution_{counter++}}}");
    }

    private static MappingNode S3Location(TemplateNode uri, string id)
    {
        if (uri is MappingNode { IntrinsicName: null } m)
        {
            if (m["Bucket"] is null || m["Key"] is null)
            {
                throw new InvalidResource(m.Mark, id, "'DefinitionUri' requires Bucket and Key properties to be specified.", "give Bucket and Key.");
            }
            return Nodes.Map(("Bucket", m["Bucket"]!.Clone()), ("Key", m["Key"]!.Clone()), ("Version", m["Version"]?.Clone()));
        }
        var text = uri.AsString() ?? "";
        var rest = text.StartsWith("s3://", StringComparison.Ordinal) ? text[5..] : "";
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == rest.Length - 1)
        {
            throw new InvalidResource(uri.Mark, id, "'DefinitionUri' is not a valid S3 Uri of the form 's3://bucket/key' with optional versionId query parameter.", "write s3://bucket/statemachine.asl.json, or put the definition inline under Definition.");
        }
        var key = rest[(slash + 1)..];
        string? version = null;
        if (key.IndexOf("?versionId=", StringComparison.Ordinal) is var q and >= 0)
        {
            version = key[(q + "?versionId=".Length)..];
            key = key[..q];
        }
        return Nodes.Map(("Bucket", Nodes.Str(rest[..slash])), ("Key", Nodes.Str(key)), ("Version", version is null ? null : Nodes.Str(version)));
    }
}
