using System.Globalization;
using System.Text;

namespace Course.Sandbox.Templates.Yaml;

/// <summary>
/// Python's <c>json.dumps(data, separators=(",", ":"), sort_keys=True)</c> of a node, byte for byte (ASCII output,
/// <c>\uXXXX</c> escapes): the text SAM's logical-id generator hashes (e.g. for <c>&lt;Function&gt;Version&lt;hash&gt;</c>).
/// </summary>
public static class CanonicalJson
{
    /// <summary>The canonical text of <paramref name="node"/>.</summary>
    public static string Dumps(TemplateNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var sb = new StringBuilder();
        Write(sb, node);
        return sb.ToString();
    }

    /// <summary>Python's <c>json.dumps(data, sort_keys=True, indent=4, separators=(",", ": "))</c> of a node.</summary>
    public static string DumpsIndented(TemplateNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var sb = new StringBuilder();
        Indented(sb, node, 0);
        return sb.ToString();
    }

    private static void Indented(StringBuilder sb, TemplateNode node, int depth)
    {
        var pad = new string(' ', (depth + 1) * 4);
        var close = new string(' ', depth * 4);
        switch (node)
        {
            case MappingNode { Count: 0 }:
                sb.Append("{}");
                break;
            case SequenceNode { Items.Count: 0 }:
                sb.Append("[]");
                break;
            case MappingNode m:
            {
                sb.Append("{\n");
                var entries = m.Entries.OrderBy(e => e.Key.Value, StringComparer.Ordinal).ToList();
                for (var i = 0; i < entries.Count; i++)
                {
                    sb.Append(pad);
                    String(sb, entries[i].Key.Value);
                    sb.Append(": ");
                    Indented(sb, entries[i].Value, depth + 1);
                    sb.Append(i < entries.Count - 1 ? ",\n" : "\n");
                }
                sb.Append(close).Append('}');
                break;
            }
            case SequenceNode l:
            {
                sb.Append("[\n");
                for (var i = 0; i < l.Items.Count; i++)
                {
                    sb.Append(pad);
                    Indented(sb, l.Items[i], depth + 1);
                    sb.Append(i < l.Items.Count - 1 ? ",\n" : "\n");
                }
                sb.Append(close).Append(']');
                break;
            }
            default:
                Write(sb, node);
                break;
        }
    }

    private static void Write(StringBuilder sb, TemplateNode node)
    {
        switch (node)
        {
            case MappingNode m:
                sb.Append('{');
                var first = true;
                foreach (var e in m.Entries.OrderBy(e => e.Key.Value, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }
                    first = false;
                    String(sb, e.Key.Value);
                    sb.Append(':');
                    Write(sb, e.Value);
                }
                sb.Append('}');
                break;
            case SequenceNode s:
                sb.Append('[');
                for (var i = 0; i < s.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }
                    Write(sb, s.Items[i]);
                }
                sb.Append(']');
                break;
            case ScalarNode { Kind: ScalarKind.Null }:
                sb.Append("null");
                break;
            case ScalarNode { Kind: ScalarKind.Boolean } b:
                sb.Append(b.AsBool() == true ? "true" : "false");
                break;
            case ScalarNode { Kind: ScalarKind.Integer } n:
                sb.Append(long.TryParse(n.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l.ToString(CultureInfo.InvariantCulture) : n.Value);
                break;
            case ScalarNode { Kind: ScalarKind.Float } f:
                sb.Append(double.Parse(f.Value.TrimStart('+'), NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                break;
            case ScalarNode s:
                String(sb, s.Value);
                break;
        }
    }

    private static void String(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7e)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        sb.Append('"');
    }
}
