namespace Course.Sandbox.Templates.Yaml;

/// <summary>Short constructors for generated template nodes (the transform's output).</summary>
public static class Nodes
{
    /// <summary>A string scalar.</summary>
    public static ScalarNode Str(string value) => new(value, ScalarKind.String, SourceMark.None);

    /// <summary>An integer scalar.</summary>
    public static ScalarNode Int(long value) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture), ScalarKind.Integer, SourceMark.None);

    /// <summary>A boolean scalar.</summary>
    public static ScalarNode Bool(bool value) => new(value ? "true" : "false", ScalarKind.Boolean, SourceMark.None);

    /// <summary>A list.</summary>
    public static SequenceNode List(params IEnumerable<TemplateNode> items) => new(items, SourceMark.None);

    /// <summary>A mapping of the given entries, in order; null values are skipped (as SAM skips None properties).</summary>
    public static MappingNode Map(params (string Key, TemplateNode? Value)[] entries)
    {
        var m = new MappingNode(SourceMark.None);
        foreach (var (k, v) in entries)
        {
            if (v is not null)
            {
                m.Set(k, v);
            }
        }
        return m;
    }

    /// <summary><c>{"Ref": name}</c>.</summary>
    public static MappingNode Ref(string name) => Map(("Ref", Str(name)));

    /// <summary><c>{"Fn::GetAtt": [id, attribute]}</c>.</summary>
    public static MappingNode GetAtt(string logicalId, string attribute) => Map(("Fn::GetAtt", List(Str(logicalId), Str(attribute))));

    /// <summary><c>{"Fn::Sub": text}</c>.</summary>
    public static MappingNode Sub(string text) => Map(("Fn::Sub", Str(text)));
}
