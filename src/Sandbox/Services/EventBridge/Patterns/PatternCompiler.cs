using System.Text.Json;

namespace Course.Sandbox.Services.EventBridge.Patterns;

/// <summary>Turns pattern JSON into its <see cref="SubRule"/> branches, rejecting what EventBridge rejects.</summary>
internal static class PatternCompiler
{
    /// <summary>The most branches a pattern may expand to through nested <c>$or</c>s before it is refused.</summary>
    public const int MaxBranches = 1024;

    public static IReadOnlyList<SubRule> Compile(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Invalid($"The event pattern must be a JSON object, not {Describe(root)}", string.Empty);
        }

        var rules = CompileObject(root, string.Empty, string.Empty)
            .Select(branch => new SubRule(branch.Values))
            .ToList();
        WildcardComplexity.Check(rules);
        return rules;
    }

    /// <summary>
    /// Compiles one pattern object into its branches: fields are ANDed into every branch; a <c>$or</c> forks each
    /// branch once per alternative. Field names join with dots (<paramref name="keyPrefix"/>), so a key containing a
    /// dot and the nested objects it spells are the same path. When a path is given twice (a repeated key, or both
    /// spellings), the last one is used, as EventBridge's content-filtering page documents.
    /// </summary>
    private static List<Dictionary<string, FieldRule>> CompileObject(JsonElement obj, string keyPrefix, string location)
    {
        var branches = new List<Dictionary<string, FieldRule>> { new(StringComparer.Ordinal) };
        var any = false;
        foreach (var property in obj.EnumerateObject())
        {
            any = true;
            var fieldLocation = location.Length == 0 ? property.Name : $"{location}.{property.Name}";
            var key = keyPrefix.Length == 0 ? property.Name : $"{keyPrefix}.{property.Name}";
            if (property.Name == "$or" && IsOrPrimitive(property.Value, fieldLocation))
            {
                var alternatives = property.Value.EnumerateArray()
                    .SelectMany((item, index) => CompileObject(item, keyPrefix, $"{fieldLocation}[{index}]"))
                    .ToList();
                branches = Cross(branches, alternatives, fieldLocation);
                continue;
            }

            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    branches = Cross(branches, CompileObject(property.Value, key, fieldLocation), fieldLocation);
                    break;
                case JsonValueKind.Array:
                    var field = new FieldRule(key, CompileValues(property.Value, fieldLocation));
                    foreach (var branch in branches)
                    {
                        branch[key] = field;
                    }

                    break;
                default:
                    throw Invalid($"\"{property.Name}\" must be an object or an array, not {Describe(property.Value)}; write [{property.Value.GetRawText()}] to match that value", fieldLocation);
            }
        }

        return any ? branches : throw Invalid("Empty objects are not allowed", location);
    }

    /// <summary>Every branch of <paramref name="left"/> combined with every branch of <paramref name="right"/>.</summary>
    private static List<Dictionary<string, FieldRule>> Cross(
        List<Dictionary<string, FieldRule>> left, List<Dictionary<string, FieldRule>> right, string location)
    {
        if ((long)left.Count * right.Count > MaxBranches)
        {
            throw Invalid($"The pattern expands to more than {MaxBranches} alternatives through nested $or; simplify it", location);
        }

        var result = new List<Dictionary<string, FieldRule>>(left.Count * right.Count);
        foreach (var l in left)
        {
            foreach (var r in right)
            {
                var merged = new Dictionary<string, FieldRule>(l, StringComparer.Ordinal);
                foreach (var (path, field) in r)
                {
                    merged[path] = field;
                }

                result.Add(merged);
            }
        }

        return result;
    }

    /// <summary>
    /// Like Ruler, "$or" is the OR primitive only when it holds an array of objects that use no match-type names as
    /// field names; otherwise it is an ordinary field called "$or". A lone alternative is rejected with a clear reason.
    /// </summary>
    private static bool IsOrPrimitive(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0 ||
            value.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.Object ||
                item.EnumerateObject().Any(p => MatchTypes.Contains(p.Name))))
        {
            return false;
        }

        return value.GetArrayLength() >= 2
            ? true
            : throw Invalid("$or needs at least 2 alternatives, such as \"$or\": [{\"a\": [1]}, {\"b\": [2]}]", path);
    }

    private static readonly HashSet<string> MatchTypes = new(StringComparer.Ordinal)
    {
        "prefix", "suffix", "equals-ignore-case", "wildcard", "anything-but", "numeric", "cidr", "exists",
    };

    private static List<ValueMatcher> CompileValues(JsonElement array, string path)
    {
        if (array.GetArrayLength() == 0)
        {
            throw Invalid("Empty arrays are not allowed", path);
        }

        var matchers = new List<ValueMatcher>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPath = $"{path}[{index++}]";
            matchers.Add(item.ValueKind switch
            {
                JsonValueKind.String => new ExactStringMatcher(item.GetString()!),
                JsonValueKind.Number => new ExactNumberMatcher(item.GetDouble()),
                JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => new LiteralMatcher(item.ValueKind),
                JsonValueKind.Object => CompileOperator(item, itemPath),
                _ => throw Invalid("Nested arrays are not allowed in a match list", itemPath),
            });
        }

        return matchers;
    }

    private static ValueMatcher CompileOperator(JsonElement obj, string path)
    {
        var properties = obj.EnumerateObject().ToList();
        if (properties.Count == 0)
        {
            throw Invalid("Empty objects are not allowed", path);
        }

        if (properties.Count > 1)
        {
            throw Invalid($"A match object holds exactly one match type, found {properties.Count}: {string.Join(", ", properties.Select(p => p.Name))}", path);
        }

        var (name, value) = (properties[0].Name, properties[0].Value);
        var opPath = $"{path}.{name}";
        return name switch
        {
            "prefix" => CompilePrefixOrSuffix(value, opPath, "prefix", (s, ic) => new PrefixMatcher(s, ic)),
            "suffix" => CompilePrefixOrSuffix(value, opPath, "suffix", (s, ic) => new SuffixMatcher(s, ic)),
            "equals-ignore-case" => new EqualsIgnoreCaseMatcher(RequireString(value, opPath, "equals-ignore-case")),
            "wildcard" => CompileWildcard(RequireString(value, opPath, "wildcard"), opPath),
            "anything-but" => CompileAnythingBut(value, opPath),
            "numeric" => CompileNumeric(value, opPath),
            "cidr" => CompileCidr(value, opPath),
            "exists" => value.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? new ExistsMatcher(value.GetBoolean())
                : throw Invalid($"exists match pattern must be true or false, not {Describe(value)}", opPath),
            _ => throw Invalid($"Unrecognized match type {name}; use one of prefix, suffix, equals-ignore-case, wildcard, anything-but, numeric, cidr, exists", opPath),
        };
    }

    private static ValueMatcher CompilePrefixOrSuffix(JsonElement value, string path, string kind, Func<string, bool, ValueMatcher> create)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return create(value.GetString()!, false);
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            var inner = value.EnumerateObject().ToList();
            if (inner.Count == 1 && inner[0].Name == "equals-ignore-case")
            {
                return create(RequireString(inner[0].Value, $"{path}.equals-ignore-case", "equals-ignore-case"), true);
            }
        }

        throw Invalid($"{kind} match pattern must be a string or {{\"equals-ignore-case\": \"...\"}}, not {Describe(value)}", path);
    }

    private static WildcardMatcher CompileWildcard(string pattern, string path)
    {
        var matcher = WildcardMatcher.Parse(pattern, out var error);
        return error is null ? matcher : throw Invalid(error, path);
    }

    private static CidrMatcher CompileCidr(JsonElement value, string path)
    {
        var matcher = CidrMatcher.Parse(RequireString(value, path, "cidr"), out var error);
        return matcher ?? throw Invalid(error!, path);
    }

    private static AnythingButMatcher CompileAnythingBut(JsonElement value, string path)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return new AnythingButMatcher([new ExactStringMatcher(value.GetString()!)]);
            case JsonValueKind.Number:
                return new AnythingButMatcher([new ExactNumberMatcher(value.GetDouble())]);
            case JsonValueKind.Array:
                {
                    if (value.GetArrayLength() == 0)
                    {
                        throw Invalid("Empty arrays are not allowed", path);
                    }

                    var kinds = value.EnumerateArray().Select(i => i.ValueKind).Distinct().ToList();
                    if (kinds.Count > 1 && kinds.All(k => k is JsonValueKind.String or JsonValueKind.Number))
                    {
                        throw Invalid("Inside anything-but list, values must be all strings or all numbers", path);
                    }

                    var excluded = new List<ValueMatcher>();
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        excluded.Add(item.ValueKind switch
                        {
                            JsonValueKind.String => new ExactStringMatcher(item.GetString()!),
                            JsonValueKind.Number => new ExactNumberMatcher(item.GetDouble()),
                            _ => throw Invalid($"Inside anything-but list, only strings and numbers are supported, not {Describe(item)}", $"{path}[{index}]"),
                        });
                        index++;
                    }

                    return new AnythingButMatcher(excluded);
                }

            case JsonValueKind.Object:
                {
                    var inner = value.EnumerateObject().ToList();
                    if (inner.Count != 1)
                    {
                        throw Invalid("anything-but takes exactly one of prefix, suffix, equals-ignore-case, wildcard", path);
                    }

                    var (name, operand) = (inner[0].Name, inner[0].Value);
                    var innerPath = $"{path}.{name}";
                    Func<string, string, ValueMatcher> create = name switch
                    {
                        "prefix" => (s, _) => new PrefixMatcher(s, false),
                        "suffix" => (s, _) => new SuffixMatcher(s, false),
                        "equals-ignore-case" => (s, _) => new EqualsIgnoreCaseMatcher(s),
                        "wildcard" => (s, p) => CompileWildcard(s, p),
                        _ => throw Invalid($"Unsupported anything-but pattern: {name}; use prefix, suffix, equals-ignore-case or wildcard", innerPath),
                    };
                    var operands = StringsOf(operand, innerPath, $"anything-but {name}");
                    if (name is "prefix" or "suffix" && operands.Contains(string.Empty))
                    {
                        // event-ruler rejects an empty affix under anything-but (it would exclude every string);
                        // a bare {"prefix": ""} stays valid and matches any string.
                        throw Invalid("Null prefix/suffix not allowed; give anything-but a non-empty prefix or suffix", innerPath);
                    }

                    return new AnythingButMatcher(operands.Select(s => create(s, innerPath)).ToList());
                }

            default:
                throw Invalid($"anything-but does not support {Describe(value)}; give a string, a number, a list of them, or an object with prefix, suffix, equals-ignore-case or wildcard", path);
        }
    }

    private static List<string> StringsOf(JsonElement value, string path, string what)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return [value.GetString()!];
        }

        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0 &&
            value.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String))
        {
            return value.EnumerateArray().Select(i => i.GetString()!).ToList();
        }

        throw Invalid($"{what} match pattern must be a string or a non-empty list of strings, not {Describe(value)}", path);
    }

    private static NumericMatcher CompileNumeric(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0 || value.GetArrayLength() % 2 != 0)
        {
            throw Invalid("numeric takes an array of operator/value pairs, such as [\">\", 0, \"<=\", 5] or [\"=\", 3]", path);
        }

        var items = value.EnumerateArray().ToList();
        double? lower = null, upper = null, equal = null;
        bool lowerInclusive = false, upperInclusive = false;
        for (var i = 0; i < items.Count; i += 2)
        {
            var opPath = $"{path}[{i}]";
            if (items[i].ValueKind != JsonValueKind.String)
            {
                throw Invalid($"Expected a numeric operator (=, <, <=, >, >=), not {Describe(items[i])}", opPath);
            }

            var op = items[i].GetString()!;
            var operand = items[i + 1];
            var valuePath = $"{path}[{i + 1}]";
            if (operand.ValueKind != JsonValueKind.Number)
            {
                throw Invalid($"Value of {op} must be a number, not {Describe(operand)}", valuePath);
            }

            var number = operand.GetDouble();
            if (Math.Abs(number) > NumericMatcher.Limit)
            {
                throw Invalid($"Value {operand.GetRawText()} is out of range: numeric values must be between -5.0E9 and 5.0E9 inclusive", valuePath);
            }

            switch (op)
            {
                case "=":
                    if (items.Count != 2)
                    {
                        throw Invalid("numeric \"=\" cannot be combined with other operators", opPath);
                    }

                    equal = number;
                    break;
                case ">" or ">=":
                    if (lower is not null)
                    {
                        throw Invalid("numeric has more than one lower bound (> or >=)", opPath);
                    }

                    (lower, lowerInclusive) = (number, op == ">=");
                    break;
                case "<" or "<=":
                    if (upper is not null)
                    {
                        throw Invalid("numeric has more than one upper bound (< or <=)", opPath);
                    }

                    (upper, upperInclusive) = (number, op == "<=");
                    break;
                default:
                    throw Invalid($"Unrecognized numeric range operator: {op}; use =, <, <=, >, >=", opPath);
            }
        }

        if (equal is { } eq)
        {
            return new NumericMatcher(eq, true, eq, true);
        }

        if (lower is { } lo && upper is { } hi && lo >= hi)
        {
            throw Invalid($"Bottom must be less than top: the lower bound {lo} is not below the upper bound {hi}", path);
        }

        return new NumericMatcher(lower, lowerInclusive, upper, upperInclusive);
    }

    private static string RequireString(JsonElement value, string path, string what) =>
        value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Invalid($"{what} match pattern must be a string, not {Describe(value)}", path);

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string {value.GetRawText()}",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        _ => value.GetRawText(),
    };

    private static InvalidEventPatternException Invalid(string reason, string path) => new(reason, path);
}
