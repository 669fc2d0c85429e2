using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Iam;

/// <summary>Reads IAM policy documents (<c>{"Statement": [...]}</c>, already evaluated to plain values) into statements.</summary>
public static class PolicyDocument
{
    /// <summary>The statements of <paramref name="document"/>, tagged with <paramref name="source"/>.</summary>
    /// <exception cref="Templates.TemplateException">The document is malformed (the message names its place).</exception>
    public static IReadOnlyList<PolicyStatement> Parse(TemplateNode document, string source)
    {
        ArgumentNullException.ThrowIfNull(document);
        var statements = (document as MappingNode)?["Statement"] switch
        {
            SequenceNode l => l.Items,
            MappingNode single => [single],
            _ => throw new Templates.TemplateException(document.Mark, $"policy {source} has no Statement.", "write `Statement: [ { Effect: Allow, Action: …, Resource: … } ]`."),
        };
        return [.. statements.Select(s => Statement(s, source))];
    }

    private static PolicyStatement Statement(TemplateNode node, string source)
    {
        if (node is not MappingNode s)
        {
            throw new Templates.TemplateException(node.Mark, $"a statement of {source} must be a mapping.", "give Effect, Action and Resource.");
        }
        var effect = s["Effect"]?.AsString();
        if (effect is not ("Allow" or "Deny"))
        {
            throw new Templates.TemplateException(s["Effect"]?.Mark ?? s.Mark, $"a statement of {source} has Effect '{effect ?? "(none)"}'.", "Effect is Allow or Deny.");
        }
        var actions = Strings(s["Action"]);
        var notActions = Strings(s["NotAction"]);
        if (actions.Count == 0 && notActions.Count == 0)
        {
            throw new Templates.TemplateException(s.Mark, $"a statement of {source} has no Action.", "add e.g. `Action: dynamodb:PutItem`.");
        }
        var resources = Strings(s["Resource"]);
        var notResources = Strings(s["NotResource"]);
        if (resources.Count == 0 && notResources.Count == 0)
        {
            throw new Templates.TemplateException(s.Mark, $"a statement of {source} has no Resource.", "add the ARN it applies to, e.g. `Resource: !GetAtt MyTable.Arn`.");
        }
        var conditions = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(StringComparer.Ordinal);
        if (s["Condition"] is MappingNode c)
        {
            foreach (var op in c.Entries)
            {
                var keys = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
                if (op.Value is MappingNode m)
                {
                    foreach (var k in m.Entries)
                    {
                        keys[k.Key.Value] = Strings(k.Value);
                    }
                }
                conditions[op.Key.Value] = keys;
            }
        }
        return new PolicyStatement { Allow = effect == "Allow", Actions = actions, NotActions = notActions, Resources = resources, NotResources = notResources, Conditions = conditions, Source = source };
    }

    private static List<string> Strings(TemplateNode? node) => node switch
    {
        null => [],
        SequenceNode l => [.. l.Items.Select(i => i.AsString() ?? "")],
        var v => [v.AsString() ?? ""],
    };
}
