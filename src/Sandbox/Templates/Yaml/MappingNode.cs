namespace Course.Sandbox.Templates.Yaml;

/// <summary>A mapping: keys (with their own marks) to nodes, in the order they were read or added.</summary>
public sealed class MappingNode : TemplateNode
{
    private readonly List<KeyValuePair<ScalarNode, TemplateNode>> _entries = [];

    /// <summary>Creates an empty mapping.</summary>
    public MappingNode(SourceMark mark = default) : base(mark) { }

    /// <summary>The entries, in order.</summary>
    public IReadOnlyList<KeyValuePair<ScalarNode, TemplateNode>> Entries => _entries;

    /// <summary>The keys, in order.</summary>
    public IEnumerable<string> Keys => _entries.Select(e => e.Key.Value);

    /// <summary>How many entries.</summary>
    public int Count => _entries.Count;

    /// <summary>The value under <paramref name="key"/>, or null.</summary>
    public TemplateNode? this[string key]
    {
        get
        {
            foreach (var e in _entries)
            {
                if (string.Equals(e.Key.Value, key, StringComparison.Ordinal))
                {
                    return e.Value;
                }
            }
            return null;
        }
    }

    /// <summary>The key node of <paramref name="key"/>, or null (its mark points at the key).</summary>
    public ScalarNode? KeyNode(string key) => _entries.FirstOrDefault(e => e.Key.Value == key).Key;

    /// <summary>Sets <paramref name="key"/> (keeping its position when present, else appending). Returns this.</summary>
    public MappingNode Set(string key, TemplateNode value, SourceMark keyMark = default)
    {
        for (var i = 0; i < _entries.Count; i++)
        {
            if (_entries[i].Key.Value == key)
            {
                _entries[i] = new(_entries[i].Key, value);
                return this;
            }
        }
        _entries.Add(new(new ScalarNode(key, ScalarKind.String, keyMark), value));
        return this;
    }

    /// <summary>Adds an entry read from a file (the reader reports duplicates before calling it).</summary>
    internal void Add(ScalarNode key, TemplateNode value) => _entries.Add(new(key, value));

    /// <summary>Removes <paramref name="key"/>; true when it was there.</summary>
    public bool Remove(string key) => _entries.RemoveAll(e => e.Key.Value == key) > 0;

    /// <summary>True when <paramref name="key"/> is present.</summary>
    public bool Contains(string key) => this[key] is not null;

    /// <inheritdoc/>
    public override TemplateNode Clone()
    {
        var copy = new MappingNode(Mark);
        foreach (var e in _entries)
        {
            copy._entries.Add(new((ScalarNode)e.Key.Clone(), e.Value.Clone()));
        }
        return copy;
    }

    /// <inheritdoc/>
    public override bool DataEquals(TemplateNode? other)
    {
        if (other is not MappingNode m || m.Count != Count)
        {
            return false;
        }
        foreach (var e in _entries)
        {
            if (!e.Value.DataEquals(m[e.Key.Value]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The single key of an intrinsic-function mapping (<c>Ref</c>, <c>Fn::Sub</c>…), or null.</summary>
    public string? IntrinsicName =>
        Count == 1 && (_entries[0].Key.Value is "Ref" or "Condition" || _entries[0].Key.Value.StartsWith("Fn::", StringComparison.Ordinal))
            ? _entries[0].Key.Value : null;
}
