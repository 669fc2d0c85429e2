using System.Globalization;

namespace Course.Sandbox.Templates.Yaml;

/// <summary>A scalar: its text and what kind of value the text is.</summary>
public sealed class ScalarNode : TemplateNode
{
    /// <summary>Creates a scalar.</summary>
    public ScalarNode(string value, ScalarKind kind = ScalarKind.String, SourceMark mark = default) : base(mark)
    {
        Value = value;
        Kind = kind;
    }

    /// <summary>The text (<c>true</c>, <c>128</c>, <c>hello</c>; empty for null).</summary>
    public string Value { get; }

    /// <summary>What the text is.</summary>
    public ScalarKind Kind { get; }

    /// <summary>The value as a long when it is an integer (or a string holding one), else null.</summary>
    public long? AsLong() => Kind is ScalarKind.Integer or ScalarKind.String &&
        long.TryParse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>The value as a bool when it is a boolean (or the strings true/false), else null.</summary>
    public bool? AsBool() => Value.ToLowerInvariant() switch { "true" => true, "false" => false, _ => null };

    /// <inheritdoc/>
    public override TemplateNode Clone() => new ScalarNode(Value, Kind, Mark);

    /// <inheritdoc/>
    public override bool DataEquals(TemplateNode? other) =>
        other is ScalarNode s && s.Kind == Kind && string.Equals(s.Value, Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override string ToString() => Value;
}
