using System.Globalization;
using System.Text;
using Course.Sandbox.Templates.Model;
using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Templates.Intrinsics;

/// <summary>
/// Evaluates CloudFormation's intrinsic functions as a stack deployment would: <c>Ref</c> (parameters, pseudo
/// parameters, resources), <c>Fn::GetAtt</c>, <c>Fn::Sub</c> (both forms), <c>Fn::Join</c>, <c>Fn::Select</c>,
/// <c>Fn::Split</c>, <c>Fn::FindInMap</c>, <c>Fn::GetAZs</c>, <c>Fn::Base64</c>, <c>Fn::If</c> (with
/// <c>AWS::NoValue</c>) and the condition functions <c>Fn::Equals</c>, <c>Fn::Not</c>, <c>Fn::And</c>,
/// <c>Fn::Or</c>, <c>Condition</c>. Errors name the node's <c>file:line:col</c>.
/// </summary>
public sealed class IntrinsicEvaluator(Template template, IResourceValues? resources = null)
{
    private static readonly string[] AzSuffixes = ["a", "b", "c"];
    private readonly Dictionary<string, bool> _conditions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _evaluating = new(StringComparer.Ordinal);

    /// <summary>A value that stands for <c>AWS::NoValue</c> while evaluating (removed from mappings and lists).</summary>
    private static readonly ScalarNode NoValue = new("\u0000NoValue", ScalarKind.Null, SourceMark.None);

    /// <summary>The node with every intrinsic function replaced by its value.</summary>
    /// <exception cref="TemplateException">A function is malformed or names something that does not exist.</exception>
    public TemplateNode Evaluate(TemplateNode node)
    {
        var result = Eval(node);
        return ReferenceEquals(result, NoValue) ? new ScalarNode("", ScalarKind.Null, node.Mark) : result;
    }

    /// <summary>The value of condition <paramref name="name"/> from the template's <c>Conditions</c> section.</summary>
    /// <exception cref="TemplateException">No such condition, or it is malformed or circular.</exception>
    public bool IsTrue(string name, SourceMark at)
    {
        if (_conditions.TryGetValue(name, out var known))
        {
            return known;
        }
        var definition = template.Conditions?[name] ?? throw new TemplateException(at, $"the condition '{name}' is not defined.", $"add it under Conditions, or use one of: {string.Join(", ", template.Conditions?.Keys ?? [])}.");
        if (!_evaluating.Add(name))
        {
            throw new TemplateException(definition.Mark, $"the condition '{name}' refers to itself.", "break the circular reference.");
        }
        var value = Truth(definition);
        _evaluating.Remove(name);
        return _conditions[name] = value;
    }

    private bool Truth(TemplateNode node)
    {
        var v = node is MappingNode { IntrinsicName: "Condition" } c ? Nodes.Bool(IsTrue(Name(c["Condition"]!, "Condition"), c.Mark)) : Eval(node);
        return v is ScalarNode s && s.AsBool() is { } b ? b
            : throw new TemplateException(node.Mark, $"a condition must evaluate to true or false, not {v.KindName}.", "use Fn::Equals, Fn::Not, Fn::And, Fn::Or or Condition.");
    }

    private TemplateNode Eval(TemplateNode node)
    {
        switch (node)
        {
            case MappingNode { IntrinsicName: { } fn } m:
                return Function(fn, m[fn]!, m.Mark);
            case MappingNode m:
            {
                var copy = new MappingNode(m.Mark);
                foreach (var e in m.Entries)
                {
                    var v = Eval(e.Value);
                    if (!ReferenceEquals(v, NoValue))
                        {
                            copy.Set(e.Key.Value, v, e.Key.Mark);
                        }
                    }
                return copy;
            }
            case SequenceNode s:
                return new SequenceNode(s.Items.Select(Eval).Where(v => !ReferenceEquals(v, NoValue)), s.Mark);
            default:
                return node;
        }
    }

    private TemplateNode Function(string fn, TemplateNode arg, SourceMark mark)
    {
        switch (fn)
        {
            case "Ref":
                return Ref(Name(arg, "Ref"), mark);
            case "Condition":
                return Nodes.Bool(IsTrue(Name(arg, "Condition"), mark));
            case "Fn::GetAtt":
            {
                var (id, attr) = arg switch
                {
                    SequenceNode { Items.Count: 2 } l => (Text(Eval(l.Items[0]), fn), Text(Eval(l.Items[1]), fn)),
                    ScalarNode s when s.Value.Contains('.', StringComparison.Ordinal) => (s.Value[..s.Value.IndexOf('.', StringComparison.Ordinal)], s.Value[(s.Value.IndexOf('.', StringComparison.Ordinal) + 1)..]),
                    _ => throw Malformed(fn, mark, "[LogicalId, Attribute]"),
                };
                if (template.Resources[id] is null)
                    {
                        throw new TemplateException(mark, $"Fn::GetAtt names the resource '{id}', which the template does not declare.", "check the logical id (it is case-sensitive).");
                    }
                    return Nodes.Str(resources?.GetAtt(id, attr) ?? throw new TemplateException(mark, $"the sandbox has no value for {id}.{attr}.", "use an attribute the resource type has (e.g. Arn)."));
            }
            case "Fn::Sub":
                return Sub(arg, mark);
            case "Fn::Join":
            {
                if (arg is not SequenceNode { Items.Count: 2 } l)
                    {
                        throw Malformed(fn, mark, "[delimiter, [values…]]");
                    }
                    var delimiter = Text(Eval(l.Items[0]), fn);
                var values = Eval(l.Items[1]) as SequenceNode ?? throw Malformed(fn, mark, "[delimiter, [values…]]");
                return Nodes.Str(string.Join(delimiter, values.Items.Select(v => Text(v, fn))));
            }
            case "Fn::Select":
            {
                if (arg is not SequenceNode { Items.Count: 2 } l)
                    {
                        throw Malformed(fn, mark, "[index, [values…]]");
                    }
                    var index = int.TryParse(Text(Eval(l.Items[0]), fn), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : throw Malformed(fn, mark, "[index, [values…]] with a whole-number index");
                var values = Eval(l.Items[1]) as SequenceNode ?? throw Malformed(fn, mark, "[index, [values…]]");
                return index < values.Items.Count ? values.Items[index] : throw new TemplateException(mark, $"Fn::Select index {index} is out of range (the list has {values.Items.Count} items).", "pick an index from 0 to the list's length - 1.");
            }
            case "Fn::Split":
            {
                if (arg is not SequenceNode { Items.Count: 2 } l)
                    {
                        throw Malformed(fn, mark, "[delimiter, source]");
                    }
                    var delimiter = Text(Eval(l.Items[0]), fn);
                return Nodes.List(Text(Eval(l.Items[1]), fn).Split(delimiter).Select(p => (TemplateNode)Nodes.Str(p)));
            }
            case "Fn::FindInMap":
            {
                if (arg is not SequenceNode { Items.Count: 3 } l)
                    {
                        throw Malformed(fn, mark, "[MapName, TopLevelKey, SecondLevelKey]");
                    }
                    var keys = l.Items.Select(i => Text(Eval(i), fn)).ToArray();
                var map = template.Mappings?[keys[0]] as MappingNode ?? throw new TemplateException(mark, $"Fn::FindInMap: the mapping '{keys[0]}' does not exist.", "declare it under Mappings.");
                var top = map[keys[1]] as MappingNode ?? throw new TemplateException(mark, $"Fn::FindInMap: the mapping '{keys[0]}' has no key '{keys[1]}'.", $"use one of: {string.Join(", ", map.Keys)}.");
                return top[keys[2]] is { } value ? Eval(value) : throw new TemplateException(mark, $"Fn::FindInMap: '{keys[0]}.{keys[1]}' has no key '{keys[2]}'.", $"use one of: {string.Join(", ", top.Keys)}.");
            }
            case "Fn::GetAZs":
            {
                var region = Text(Eval(arg), fn);
                if (region.Length == 0)
                    {
                        region = template.Pseudo.Region;
                    }
                    return Nodes.List(AzSuffixes.Select(z => (TemplateNode)Nodes.Str(region + z)));
            }
            case "Fn::Base64":
                return Nodes.Str(Convert.ToBase64String(Encoding.UTF8.GetBytes(Text(Eval(arg), fn))));
            case "Fn::If":
            {
                if (arg is not SequenceNode { Items.Count: 3 } l)
                    {
                        throw Malformed(fn, mark, "[ConditionName, ValueIfTrue, ValueIfFalse]");
                    }
                    return Eval(IsTrue(Name(l.Items[0], fn), l.Items[0].Mark) ? l.Items[1] : l.Items[2]);
            }
            case "Fn::Equals":
            {
                if (arg is not SequenceNode { Items.Count: 2 } l)
                    {
                        throw Malformed(fn, mark, "[value1, value2]");
                    }
                    return Nodes.Bool(Eval(l.Items[0]).DataEqualsLoosely(Eval(l.Items[1])));
            }
            case "Fn::Not":
            {
                if (arg is not SequenceNode { Items.Count: 1 } l)
                    {
                        throw Malformed(fn, mark, "[condition]");
                    }
                    return Nodes.Bool(!Truth(l.Items[0]));
            }
            case "Fn::And":
            case "Fn::Or":
            {
                if (arg is not SequenceNode { Items.Count: >= 2 and <= 10 } l)
                    {
                        throw Malformed(fn, mark, "[condition, condition, …] (2 to 10)");
                    }
                    var values = l.Items.Select(Truth).ToList();
                return Nodes.Bool(fn == "Fn::And" ? values.All(v => v) : values.Any(v => v));
            }
            default:
                throw new TemplateException(mark, $"the sandbox does not evaluate {fn}.", "use Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::FindInMap, Fn::GetAZs, Fn::If or the condition functions.");
        }
    }

    private TemplateNode Ref(string name, SourceMark mark)
    {
        if (name == "AWS::NoValue")
        {
            return NoValue;
        }
        if (template.Pseudo.Get(name) is { } pseudo)
        {
            return Nodes.Str(pseudo);
        }
        if (template.Parameters.TryGetValue(name, out var p))
        {
            return p.ToNode();
        }
        if (template.Resources[name] is not null)
        {
            return Nodes.Str(resources?.Ref(name) ?? throw new TemplateException(mark, $"the sandbox has no value for Ref {name}.", "refer to a resource type the sandbox deploys."));
        }
        throw new TemplateException(mark, $"Ref names '{name}', which is neither a parameter, a pseudo parameter nor a resource of this template.", "check the spelling (logical ids are case-sensitive) or declare it.");
    }

    private TemplateNode Sub(TemplateNode arg, SourceMark mark)
    {
        string text;
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (arg)
        {
            case ScalarNode s:
                text = s.Value;
                break;
            case SequenceNode { Items.Count: 2 } l when l.Items[0] is ScalarNode s0 && l.Items[1] is MappingNode vars:
                text = s0.Value;
                foreach (var e in vars.Entries)
                {
                    variables[e.Key.Value] = Text(Eval(e.Value), "Fn::Sub");
                }
                break;
            default:
                throw Malformed("Fn::Sub", mark, "a string, or [string, {Name: value}]");
        }
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var end = text.IndexOf('}', i + 2);
                if (end < 0)
                {
                    throw new TemplateException(mark, "Fn::Sub has an unclosed ${.", "close it with }.");
                }
                var name = text[(i + 2)..end];
                if (name.StartsWith('!'))
                {
                    sb.Append("${").Append(name[1..]).Append('}');
                }
                else if (variables.TryGetValue(name, out var v))
                {
                    sb.Append(v);
                }
                else if (name.Contains('.', StringComparison.Ordinal) && template.Resources[name[..name.IndexOf('.', StringComparison.Ordinal)]] is not null)
                {
                    sb.Append(Text(Function("Fn::GetAtt", Nodes.Str(name), mark), "Fn::Sub"));
                }
                else
                {
                    sb.Append(Text(Ref(name, mark), "Fn::Sub"));
                }
                i = end;
            }
            else
            {
                sb.Append(text[i]);
            }
        }
        return Nodes.Str(sb.ToString());
    }

    private static string Name(TemplateNode node, string fn) => node.AsString() ?? throw Malformed(fn, node.Mark, "a name");

    private static string Text(TemplateNode node, string fn) => node switch
    {
        ScalarNode s => s.Value,
        SequenceNode l => string.Join(",", l.Items.Select(i => Text(i, fn))),
        _ => throw new TemplateException(node.Mark, $"{fn} needs a string here, not {node.KindName}.", "give a string or a function that returns one."),
    };

    private static TemplateException Malformed(string fn, SourceMark mark, string shape) =>
        new(mark, $"{fn} is malformed.", $"write it as {fn}: {shape}.");
}
