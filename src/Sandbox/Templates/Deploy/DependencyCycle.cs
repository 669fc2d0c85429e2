using System.Text.RegularExpressions;
using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Templates.Deploy;

/// <summary>
/// CloudFormation's creation order: a resource depends on every resource its properties name with <c>Ref</c>,
/// <c>Fn::GetAtt</c> or <c>Fn::Sub</c> (<c>${Name}</c>, <c>${Name.Attribute}</c>, and the values of its variable map)
/// and on those in its <c>DependsOn</c>. When those dependencies form a cycle, CloudFormation rejects the stack before
/// creating anything: "Circular dependency between resources: [A, B, C]". The classic one in a SAM template is an S3
/// event on a bucket whose name the function's policy takes with <c>!Ref</c>: the bucket's notification depends on the
/// function's permission, the permission on the function, the function on its role and the role on the bucket.
/// </summary>
public static partial class DependencyCycle
{
    /// <summary>The resources of a cycle in <paramref name="resources"/> (a template's <c>Resources</c>, after the SAM transform), in template order; null when there is none.</summary>
    /// <param name="resources">The translated template's Resources section.</param>
    /// <returns>The logical ids of one strongly connected set of resources (or one resource that depends on itself), or null.</returns>
    public static IReadOnlyList<string>? Find(MappingNode resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var ids = resources.Keys.ToList();
        var known = ids.ToHashSet(StringComparer.Ordinal);
        var edges = ids.ToDictionary(id => id, id => References((MappingNode)resources[id]!, known), StringComparer.Ordinal);

        // Tarjan's strongly connected components; the first with a cycle, in template order.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        List<string>? found = null;
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in edges[v])
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w) && index.TryGetValue(w, out var wIndex))
                {
                    low[v] = Math.Min(low[v], wIndex);
                }
            }
            if (low[v] != index[v])
            {
                return;
            }
            var component = new List<string>();
            string top;
            do
            {
                top = stack.Pop();
                onStack.Remove(top);
                component.Add(top);
            }
            while (top != v);
            if (found is null && (component.Count > 1 || edges[v].Contains(v)))
            {
                found = [.. ids.Where(component.Contains)];
            }
        }
        foreach (var id in ids.Where(id => !index.ContainsKey(id)))
        {
            Visit(id);
        }
        return found;
    }

    /// <summary>CloudFormation's message for <paramref name="cycle"/>.</summary>
    public static string Message(IReadOnlyList<string> cycle) => $"Circular dependency between resources: [{string.Join(", ", cycle)}]";

    private static HashSet<string> References(MappingNode resource, HashSet<string> known)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        switch (resource["DependsOn"])
        {
            case ScalarNode s:
                found.Add(s.Value);
                break;
            case SequenceNode l:
                found.UnionWith(l.Items.Select(i => i.AsString() ?? ""));
                break;
        }
        if (resource["Properties"] is { } properties)
        {
            Walk(properties, found);
        }
        if (resource["Metadata"] is { } metadata)
        {
            Walk(metadata, found);
        }
        found.IntersectWith(known);
        return found;
    }

    private static void Walk(TemplateNode node, HashSet<string> found)
    {
        switch (node)
        {
            case MappingNode { IntrinsicName: "Ref" } r:
                if (r["Ref"]?.AsString() is { } name)
                {
                    found.Add(name);
                }
                return;
            case MappingNode { IntrinsicName: "Fn::GetAtt" } g:
                if (g["Fn::GetAtt"] is SequenceNode { Items.Count: > 0 } parts)
                {
                    found.Add(parts.Items[0].AsString() ?? "");
                }
                else if (g["Fn::GetAtt"]?.AsString() is { } dotted)
                {
                    found.Add(dotted.Split('.')[0]);
                }
                return;
            case MappingNode { IntrinsicName: "Fn::Sub" } sub:
            {
                var (text, variables) = sub["Fn::Sub"] switch
                {
                    SequenceNode { Items.Count: > 0 } l => (l.Items[0].AsString() ?? "", l.Items.Count > 1 ? l.Items[1] as MappingNode : null),
                    var t => (t?.AsString() ?? "", null),
                };
                foreach (Match m in SubVariable().Matches(text))
                {
                    var variable = m.Groups[1].Value.Split('.')[0];
                    if (variables?.Contains(variable) != true)
                        {
                            found.Add(variable);
                        }
                    }
                if (variables is not null)
                    {
                        Walk(variables, found);
                    }
                    return;
            }
            case MappingNode m:
                foreach (var e in m.Entries)
                {
                    Walk(e.Value, found);
                }
                return;
            case SequenceNode s:
                foreach (var i in s.Items)
                {
                    Walk(i, found);
                }
                return;
        }
    }

    [GeneratedRegex(@"\$\{(?!!)([^}]+)\}")]
    private static partial Regex SubVariable();
}
