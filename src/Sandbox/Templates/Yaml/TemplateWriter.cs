using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Course.Sandbox.Templates.Yaml;

/// <summary>Writes template nodes as indented JSON or block YAML (intrinsics in their long form).</summary>
public static partial class TemplateWriter
{
    /// <summary>The node as JSON, indented by two spaces.</summary>
    public static string ToJson(TemplateNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(w, node);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter w, TemplateNode node)
    {
        switch (node)
        {
            case MappingNode m:
                w.WriteStartObject();
                foreach (var e in m.Entries)
                {
                    w.WritePropertyName(e.Key.Value);
                    Write(w, e.Value);
                }
                w.WriteEndObject();
                break;
            case SequenceNode s:
                w.WriteStartArray();
                foreach (var i in s.Items)
                {
                    Write(w, i);
                }
                w.WriteEndArray();
                break;
            case ScalarNode { Kind: ScalarKind.Null }:
                w.WriteNullValue();
                break;
            case ScalarNode { Kind: ScalarKind.Boolean } b:
                w.WriteBooleanValue(b.AsBool() ?? false);
                break;
            case ScalarNode { Kind: ScalarKind.Integer or ScalarKind.Float } n:
                w.WriteRawValue(NormalizeNumber(n.Value));
                break;
            case ScalarNode s:
                w.WriteStringValue(s.Value);
                break;
        }
    }

    private static string NormalizeNumber(string v)
    {
        var t = v.TrimStart('+');
        if (t.StartsWith('.'))
        {
            t = "0" + t;
        }
        if (t.StartsWith("-.", StringComparison.Ordinal))
        {
            t = "-0" + t[1..];
        }
        if (t.EndsWith('.'))
        {
            t += "0";
        }
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? t : "0";
    }

    /// <summary>The node as block YAML, indented by two spaces.</summary>
    public static string ToYaml(TemplateNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var sb = new StringBuilder();
        WriteYaml(sb, node, 0, inline: false);
        return sb.ToString();
    }

    private static void WriteYaml(StringBuilder sb, TemplateNode node, int indent, bool inline)
    {
        var pad = new string(' ', indent);
        switch (node)
        {
            case MappingNode { Count: 0 }:
                sb.Append(" {}\n");
                break;
            case SequenceNode { Items.Count: 0 }:
                sb.Append(" []\n");
                break;
            case MappingNode m:
            {
                if (inline)
                    {
                        sb.Append('\n');
                    }
                    foreach (var e in m.Entries)
                {
                    sb.Append(pad).Append(Scalar(e.Key.Value, ScalarKind.String)).Append(':');
                    WriteChild(sb, e.Value, indent);
                }
                break;
            }
            case SequenceNode s:
            {
                if (inline)
                    {
                        sb.Append('\n');
                    }
                    foreach (var i in s.Items)
                {
                    if (i is MappingNode { Count: > 0 } or SequenceNode { Items.Count: > 0 })
                    {
                        // "- key: value" with the rest of the item indented under it.
                        var item = new StringBuilder();
                        WriteYaml(item, i, indent + 2, inline: false);
                        sb.Append(pad).Append("- ").Append(item.ToString(indent + 2, item.Length - indent - 2));
                        continue;
                    }
                    sb.Append(pad).Append('-');
                    WriteChild(sb, i, indent);
                }
                break;
            }
            case ScalarNode sc:
                sb.Append(' ').Append(Scalar(sc.Value, sc.Kind)).Append('\n');
                break;
        }
    }

    private static void WriteChild(StringBuilder sb, TemplateNode child, int indent)
    {
        if (child is ScalarNode or MappingNode { Count: 0 } or SequenceNode { Items.Count: 0 })
        {
            WriteYaml(sb, child, indent + 2, inline: true);
        }
        else
        {
            WriteYaml(sb, child, indent + 2, inline: true);
        }
    }

    private static string Scalar(string value, ScalarKind kind) => kind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Boolean or ScalarKind.Integer or ScalarKind.Float => value,
        _ => PlainSafe().IsMatch(value) && !LooksTyped().IsMatch(value) ? value : JsonSerializer.Serialize(value, QuoteOptions),
    };

    private static readonly JsonSerializerOptions QuoteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [GeneratedRegex(@"^[A-Za-z_/$][A-Za-z0-9_./:${}@*+=,()\-]*$")]
    private static partial Regex PlainSafe();

    [GeneratedRegex(@"^(true|false|yes|no|on|off|null|y|n|~)$", RegexOptions.IgnoreCase)]
    private static partial Regex LooksTyped();
}
