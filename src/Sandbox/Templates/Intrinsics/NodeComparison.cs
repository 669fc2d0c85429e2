using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Templates.Intrinsics;

/// <summary>Comparisons of evaluated values, as <c>Fn::Equals</c> compares them (scalars by their text).</summary>
internal static class NodeComparison
{
    /// <summary>True when both values are equal, scalars compared by text whatever their kind (<c>1</c> equals <c>"1"</c>).</summary>
    public static bool DataEqualsLoosely(this TemplateNode a, TemplateNode b) => (a, b) switch
    {
        (ScalarNode x, ScalarNode y) => string.Equals(x.Value, y.Value, StringComparison.Ordinal),
        (SequenceNode x, SequenceNode y) => x.Items.Count == y.Items.Count && x.Items.Zip(y.Items).All(p => p.First.DataEqualsLoosely(p.Second)),
        _ => a.DataEquals(b),
    };
}
