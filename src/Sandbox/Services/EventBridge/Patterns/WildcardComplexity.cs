using System.Text;

namespace Course.Sandbox.Services.EventBridge.Patterns;

/// <summary>
/// EventBridge refuses wildcard patterns whose matching would be too non-deterministic: "Rule is too complex - try
/// using fewer wildcard characters or fewer repeating character sequences after a wildcard character" (EB_01).
/// The measure is event-ruler's MachineComplexityEvaluator: build the byte automaton of every wildcard on one field
/// (each wrapped in the JSON quotes Ruler matches on; literal prefixes up to the first <c>*</c> shared, everything after
/// a <c>*</c> per pattern), run every possible input through it, and count, at the worst moment, how many wildcard
/// patterns are reachable from the states the input is in at once — plus those behind a <c>*</c> one byte away.
/// AWS does not publish its threshold; <see cref="Limit"/> is the sandbox's model, chosen so that a rule AWS was seen
/// to refuse (four <c>*/datasync/*.ext</c> keys) is refused and the two halves it was split into are accepted.
/// </summary>
internal static class WildcardComplexity
{
    /// <summary>The highest complexity accepted (the sandbox's model of AWS's unpublished limit).</summary>
    public const int Limit = 10;

    /// <summary>AWS's reason text for a pattern past the limit.</summary>
    public const string Reason =
        "Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character";

    private const int Star = -1;
    private const int OtherByte = -2;
    private const int MaxStateSets = 20_000;

    /// <summary>Throws when any field's wildcards (plain or under anything-but) are together past <see cref="Limit"/>.</summary>
    public static void Check(IReadOnlyList<SubRule> rules)
    {
        var byPath = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var field in rules.SelectMany(r => r.Fields))
        {
            foreach (var wildcard in field.Matchers.SelectMany(WildcardsOf))
            {
                if (!byPath.TryGetValue(field.Path, out var set))
                {
                    byPath[field.Path] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.Add(wildcard);
            }
        }

        foreach (var (path, wildcards) in byPath)
        {
            if (Evaluate(wildcards) > Limit)
            {
                throw new InvalidEventPatternException(Reason, path);
            }
        }
    }

    private static IEnumerable<string> WildcardsOf(ValueMatcher matcher) => matcher switch
    {
        WildcardMatcher w => [w.Source],
        AnythingButMatcher a => a.Excluded.OfType<WildcardMatcher>().Select(w => w.Source),
        _ => [],
    };

    /// <summary>The worst-case number of simultaneously reachable wildcard patterns, stopping early past the limit.</summary>
    public static int Evaluate(IEnumerable<string> wildcards)
    {
        var nodes = new List<Node> { new() };
        var alphabet = new HashSet<int>();
        var id = 0;
        foreach (var wildcard in wildcards)
        {
            AddPattern(nodes, Tokens(wildcard), id++, alphabet);
        }

        if (id == 0)
        {
            return 0;
        }

        var symbols = alphabet.Append(OtherByte).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<int[]>();
        pending.Push([0]);
        var maximum = 0;
        while (pending.Count > 0 && seen.Count < MaxStateSets)
        {
            var active = pending.Pop();
            foreach (var symbol in symbols)
            {
                var next = new SortedSet<int>();
                foreach (var state in active)
                {
                    next.UnionWith(nodes[state].Any);
                    if (symbol != OtherByte && nodes[state].Literal.TryGetValue(symbol, out var targets))
                    {
                        next.UnionWith(targets);
                    }
                }

                if (next.Count == 0)
                {
                    continue;
                }

                var size = 0;
                foreach (var state in next)
                {
                    size += nodes[state].Weight.Count;
                    size += nodes[state].Any.Where(s => !next.Contains(s)).Sum(s => nodes[s].Weight.Count);
                }

                if (size > Limit)
                {
                    return size;
                }

                maximum = Math.Max(maximum, size);
                var array = next.ToArray();
                if (seen.Add(string.Join(',', array)))
                {
                    pending.Push(array);
                }
            }
        }

        return maximum;
    }

    private static void AddPattern(List<Node> nodes, List<int> tokens, int pattern, HashSet<int> alphabet)
    {
        int current = 0, beforeStar = -1;
        var determinate = true;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var terminal = i == tokens.Count - 1;
            int next;
            if (token == Star)
            {
                next = determinate ? nodes[current].Star : -1;
                if (next < 0)
                {
                    next = New(nodes);
                    nodes[next].Any.Add(next);
                    nodes[current].Any.Add(next);
                    if (determinate)
                    {
                        nodes[current].Star = next;
                    }
                }

                determinate = false;
                beforeStar = current;
            }
            else
            {
                alphabet.Add(token);
                if (determinate && !terminal && nodes[current].Trie.TryGetValue(token, out var shared))
                {
                    next = shared;
                }
                else
                {
                    next = New(nodes);
                    Link(nodes[current], token, next);
                    if (determinate && !terminal)
                    {
                        nodes[current].Trie[token] = next;
                    }
                }

                if (i > 0 && tokens[i - 1] == Star)
                {
                    Link(nodes[beforeStar], token, next); // the star matched nothing
                }
            }

            nodes[next].Weight.Add(pattern);
            current = next;
        }
    }

    private static int New(List<Node> nodes)
    {
        nodes.Add(new Node());
        return nodes.Count - 1;
    }

    private static void Link(Node from, int token, int to)
    {
        if (!from.Literal.TryGetValue(token, out var list))
        {
            from.Literal[token] = list = [];
        }

        list.Add(to);
    }

    /// <summary>The UTF-8 bytes Ruler matches (the value in its JSON quotes), with <see cref="Star"/> for each unescaped <c>*</c>.</summary>
    private static List<int> Tokens(string wildcard)
    {
        var tokens = new List<int> { '"' };
        var literal = new StringBuilder();
        void Flush()
        {
            tokens.AddRange(Encoding.UTF8.GetBytes(literal.ToString()).Select(b => (int)b));
            literal.Clear();
        }

        for (var i = 0; i < wildcard.Length; i++)
        {
            if (wildcard[i] == '\\' && i + 1 < wildcard.Length)
            {
                literal.Append(wildcard[++i]);
            }
            else if (wildcard[i] == '*')
            {
                Flush();
                tokens.Add(Star);
            }
            else
            {
                literal.Append(wildcard[i]);
            }
        }

        Flush();
        tokens.Add('"');
        return tokens;
    }

    private sealed class Node
    {
        public Dictionary<int, List<int>> Literal { get; } = [];

        public List<int> Any { get; } = [];

        public HashSet<int> Weight { get; } = [];

        public Dictionary<int, int> Trie { get; } = [];

        public int Star { get; set; } = -1;
    }
}
