using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Course.Sandbox.Templates.Yaml;

/// <summary>
/// Reads a CloudFormation/SAM template (YAML or JSON) into <see cref="TemplateNode"/>s that keep the line and column
/// of every node. CloudFormation's short-form tags become their long form: <c>!Ref X</c> → <c>{"Ref": "X"}</c>,
/// <c>!GetAtt A.B</c> → <c>{"Fn::GetAtt": ["A", "B"]}</c>, <c>!Sub</c>, <c>!Join</c>, <c>!If</c>, <c>!Select</c>,
/// <c>!Split</c>, <c>!FindInMap</c>, <c>!GetAZs</c>, <c>!Equals</c>, <c>!Not</c>, <c>!And</c>, <c>!Or</c>,
/// <c>!Base64</c>, <c>!Cidr</c>, <c>!ImportValue</c>, <c>!Transform</c> → <c>{"Fn::Name": …}</c>, and
/// <c>!Condition X</c> → <c>{"Condition": "X"}</c>.
/// </summary>
public static partial class TemplateReader
{
    private static readonly HashSet<string> FnTags =
    [
        "Base64", "Cidr", "FindInMap", "GetAZs", "ImportValue", "Join", "Select", "Split", "Sub", "Transform",
        "If", "Equals", "Not", "And", "Or", "Length", "ToJsonString",
    ];

    /// <summary>Reads <paramref name="text"/> (the contents of <paramref name="file"/>) into its root node.</summary>
    /// <exception cref="TemplateException">The text is not valid YAML/JSON, uses an unknown tag or repeats a key.</exception>
    public static TemplateNode Read(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                throw new TemplateException(new SourceMark(file, 1, 1), "the template is empty.", "start it with `AWSTemplateFormatVersion: '2010-09-09'` and a `Resources:` section.");
            }
            parser.Consume<DocumentStart>();
            var anchors = new Dictionary<string, TemplateNode>(StringComparer.Ordinal);
            var root = ReadNode(parser, file, anchors);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                throw new TemplateException(Mark(file, parser.Current!.Start), "the file holds more than one YAML document.", "keep one template per file (remove the `---` separator).");
            }
            return root;
        }
        catch (YamlException e)
        {
            throw new TemplateException(Mark(file, e.Start), $"the template is not valid YAML: {Clean(e.Message)}", "check the indentation and quoting at this place.");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's parser gives up this way on some malformed flow collections (an unclosed '[' followed by
            // block content); the last event it produced is where the document stopped making sense.
            var at = parser.Current?.Start ?? YamlDotNet.Core.Mark.Empty;
            throw new TemplateException(Mark(file, at), "the template is not valid YAML: a flow collection ('[' or '{') is not closed before the block content that follows it.", "close the '[' or '{' on the same line, or write the list as block items (`- value`).");
        }
    }

    private static TemplateNode ReadNode(IParser parser, string file, Dictionary<string, TemplateNode> anchors)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return anchors.TryGetValue(alias.Value.Value, out var target)
                ? target.Clone()
                : throw new TemplateException(Mark(file, alias.Start), $"the alias *{alias.Value.Value} names no anchor.", $"define `&{alias.Value.Value}` before using it.");
        }

        var start = parser.Current as NodeEvent ?? throw new TemplateException(Mark(file, parser.Current!.Start), "expected a value here.");
        var mark = Mark(file, start.Start);
        var tag = start.Tag.IsEmpty || start.Tag.IsNonSpecific ? null : start.Tag.Value;
        TemplateNode node;
        switch (start)
        {
            case Scalar scalar:
                parser.MoveNext();
                node = new ScalarNode(scalar.Value, Resolve(scalar, tag), mark);
                break;
            case SequenceStart:
            {
                parser.MoveNext();
                var seq = new SequenceNode(mark: mark);
                while (!parser.TryConsume<SequenceEnd>(out _))
                    {
                        seq.Items.Add(ReadNode(parser, file, anchors));
                    }
                    node = seq;
                break;
            }
            case MappingStart:
            {
                parser.MoveNext();
                var map = new MappingNode(mark);
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyNode = ReadNode(parser, file, anchors);
                    if (keyNode is not ScalarNode key)
                        {
                            throw new TemplateException(keyNode.Mark, "a mapping key must be a plain string.", "write the key as text.");
                        }
                        var value = ReadNode(parser, file, anchors);
                    if (map.Contains(key.Value))
                        {
                            throw new TemplateException(key.Mark, $"the key '{key.Value}' appears twice in this mapping (first at {map.KeyNode(key.Value)!.Mark}).", "keep one of them; CloudFormation rejects duplicate keys.");
                        }
                        map.Add(new ScalarNode(key.Value, ScalarKind.String, key.Mark), value);
                }
                node = map;
                break;
            }
            default:
                throw new TemplateException(mark, "unexpected YAML content here.");
        }

        if (start.Anchor is { IsEmpty: false } anchor)
        {
            anchors[anchor.Value] = node;
        }
        return tag is null || tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? node : Intrinsic(tag, node, mark);
    }

    private static TemplateNode Intrinsic(string tag, TemplateNode value, SourceMark mark)
    {
        var name = tag.TrimStart('!');
        var fn = new MappingNode(mark);
        switch (name)
        {
            case "Ref":
            case "Condition":
                if (value is not ScalarNode)
                {
                    throw new TemplateException(mark, $"!{name} takes a name, not {value.KindName}.", $"write `!{name} LogicalId`.");
                }
                return fn.Set(name, AsString(value), mark);
            case "GetAtt":
                if (value is ScalarNode s)
                {
                    var dot = s.Value.IndexOf('.', StringComparison.Ordinal);
                    if (dot <= 0 || dot == s.Value.Length - 1)
                    {
                        throw new TemplateException(mark, $"!GetAtt '{s.Value}' needs the form LogicalId.Attribute.", "write e.g. `!GetAtt MyFunction.Arn`.");
                    }
                    return fn.Set("Fn::GetAtt", new SequenceNode([new ScalarNode(s.Value[..dot], ScalarKind.String, s.Mark), new ScalarNode(s.Value[(dot + 1)..], ScalarKind.String, s.Mark)], s.Mark), mark);
                }
                return fn.Set("Fn::GetAtt", value, mark);
            default:
                if (!FnTags.Contains(name))
                {
                    throw new TemplateException(mark, $"unknown tag '{tag}'.", $"use one of CloudFormation's short forms: !Ref, !GetAtt, !Condition, {string.Join(", ", FnTags.Order(StringComparer.Ordinal).Select(t => "!" + t))}.");
                }
                return fn.Set("Fn::" + name, value is ScalarNode sc ? AsString(sc) : value, mark);
        }
    }

    private static ScalarNode AsString(TemplateNode node) => node is ScalarNode s ? new ScalarNode(s.Value, ScalarKind.String, s.Mark) : throw new InvalidOperationException();

    private static ScalarKind Resolve(Scalar scalar, string? tag)
    {
        if (tag == "tag:yaml.org,2002:str" || tag is not null && !tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal))
        {
            return ScalarKind.String;
        }
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return ScalarKind.String;
        }
        var v = scalar.Value;
        if (v.Length == 0 || v is "~" or "null" or "Null" or "NULL")
        {
            return ScalarKind.Null;
        }
        if (v is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return ScalarKind.Boolean;
        }
        if (IntPattern().IsMatch(v))
        {
            return ScalarKind.Integer;
        }
        if (FloatPattern().IsMatch(v))
        {
            return ScalarKind.Float;
        }
        return ScalarKind.String;
    }

    private static SourceMark Mark(string file, YamlDotNet.Core.Mark m) => new(file, (int)Math.Max(1, m.Line), (int)Math.Max(1, m.Column));

    private static string Clean(string message)
    {
        var i = message.IndexOf("): ", StringComparison.Ordinal);
        return i >= 0 ? message[(i + 3)..] : message;
    }

    [GeneratedRegex(@"^[-+]?(0|[1-9][0-9]*)$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
