namespace Course.Sandbox.Templates.Yaml;

/// <summary>A list of nodes.</summary>
public sealed class SequenceNode : TemplateNode
{
    /// <summary>Creates a list holding <paramref name="items"/>.</summary>
    public SequenceNode(IEnumerable<TemplateNode>? items = null, SourceMark mark = default) : base(mark) =>
        Items = items is null ? [] : [.. items];

    /// <summary>The items, in order.</summary>
    public List<TemplateNode> Items { get; }

    /// <inheritdoc/>
    public override TemplateNode Clone() => new SequenceNode(Items.Select(i => i.Clone()), Mark);

    /// <inheritdoc/>
    public override bool DataEquals(TemplateNode? other) =>
        other is SequenceNode s && s.Items.Count == Items.Count && Items.Zip(s.Items).All(p => p.First.DataEquals(p.Second));
}
