namespace Course.Sandbox.Services.EventBridge.Patterns;

/// <summary>
/// One branch of a compiled pattern (a pattern without <c>$or</c> has one; each <c>$or</c> multiplies them, as
/// event-ruler's JsonRuleCompiler does): dotted paths, each with its list of alternative matchers. A branch matches
/// when every path matches, with all chosen leaves array-consistent.
/// </summary>
internal sealed class SubRule
{
    private readonly FieldRule[] _fields;

    public SubRule(IEnumerable<FieldRule> fields) =>
        _fields = fields.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();

    public IReadOnlyList<FieldRule> Fields => _fields;

    public bool Matches(FlatEvent evt) => Match(evt, 0, []);

    private bool Match(FlatEvent evt, int index, List<FlatLeaf> chosen)
    {
        if (index == _fields.Length)
        {
            return true;
        }

        var field = _fields[index];
        var leaves = evt.Leaves(field.Path);

        // exists:false holds when the event has no leaf at that path anywhere: absent, an object, or a path that runs
        // through a string or number (Ruler's "exists only works on leaf nodes").
        if (leaves.Count == 0 && field.AcceptsAbsence && Match(evt, index + 1, chosen))
        {
            return true;
        }

        foreach (var leaf in leaves)
        {
            if (!field.AcceptsValue(leaf) || !chosen.TrueForAll(c => c.IsConsistentWith(leaf)))
            {
                continue;
            }

            chosen.Add(leaf);
            var matched = Match(evt, index + 1, chosen);
            chosen.RemoveAt(chosen.Count - 1);
            if (matched)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A dotted path and the matchers of its value list (alternatives).</summary>
internal sealed class FieldRule(string path, IReadOnlyList<ValueMatcher> matchers)
{
    public string Path { get; } = path;

    public IReadOnlyList<ValueMatcher> Matchers { get; } = matchers;

    /// <summary>Whether an <c>exists: false</c> is among the alternatives.</summary>
    public bool AcceptsAbsence { get; } = matchers.Any(m => m is ExistsMatcher { Exists: false });

    /// <summary>Whether one of the alternatives accepts this leaf (<c>exists: true</c> accepts any leaf).</summary>
    public bool AcceptsValue(FlatLeaf leaf)
    {
        foreach (var matcher in Matchers)
        {
            if (matcher is ExistsMatcher exists ? exists.Exists : matcher.Matches(leaf.Value))
            {
                return true;
            }
        }

        return false;
    }
}
