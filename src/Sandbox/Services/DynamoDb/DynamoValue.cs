using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Sandbox.Services.DynamoDb;

/// <summary>The ten DynamoDB attribute types, named as on the wire.</summary>
internal enum DynamoType
{
    S, N, B, SS, NS, BS, M, L, NULL, BOOL,
}

/// <summary>
/// One DynamoDB attribute value. Scalars are immutable; <see cref="DynamoType.M"/> and <see cref="DynamoType.L"/>
/// hold mutable collections, so callers <see cref="Clone"/> an item before changing it.
/// </summary>
internal sealed class DynamoValue
{
    private DynamoValue(DynamoType type) => Type = type;

    public DynamoType Type { get; }

    /// <summary>Text of S, or the canonical text of N.</summary>
    public string? Text { get; private init; }

    public DynamoNumber Number { get; private init; }

    public byte[]? Bytes { get; private init; }

    public bool Bool { get; private init; }

    /// <summary>Members of SS (strings) or NS (canonical number text).</summary>
    public List<string>? Strings { get; private init; }

    public List<byte[]>? BinarySet { get; private init; }

    public Dictionary<string, DynamoValue>? Map { get; private init; }

    public List<DynamoValue>? List { get; private init; }

    public static DynamoValue FromString(string s) => new(DynamoType.S) { Text = s };

    public static DynamoValue FromNumber(DynamoNumber n) => new(DynamoType.N) { Text = n.ToString(), Number = n };

    public static DynamoValue FromBytes(byte[] b) => new(DynamoType.B) { Bytes = b };

    public static DynamoValue FromBool(bool b) => new(DynamoType.BOOL) { Bool = b };

    public static DynamoValue Null() => new(DynamoType.NULL) { Bool = true };

    public static DynamoValue FromList(List<DynamoValue> items) => new(DynamoType.L) { List = items };

    public static DynamoValue FromMap(Dictionary<string, DynamoValue> map) => new(DynamoType.M) { Map = map };

    public static DynamoValue FromStringSet(DynamoType type, List<string> members) => new(type) { Strings = members };

    public static DynamoValue FromBinarySet(List<byte[]> members) => new(DynamoType.BS) { BinarySet = members };

    /// <summary>Whether this value is a set type (SS, NS, BS).</summary>
    public bool IsSet => Type is DynamoType.SS or DynamoType.NS or DynamoType.BS;

    /// <summary>Number of members of a set, list or map.</summary>
    public int Count => Type switch
    {
        DynamoType.SS or DynamoType.NS => Strings!.Count,
        DynamoType.BS => BinarySet!.Count,
        DynamoType.L => List!.Count,
        DynamoType.M => Map!.Count,
        _ => 0,
    };

    /// <summary>A deep copy (scalars are shared: they never change).</summary>
    public DynamoValue Clone() => Type switch
    {
        DynamoType.M => FromMap(CloneItem(Map!)),
        DynamoType.L => FromList(List!.Select(v => v.Clone()).ToList()),
        DynamoType.SS or DynamoType.NS => FromStringSet(Type, [.. Strings!]),
        DynamoType.BS => FromBinarySet([.. BinarySet!]),
        _ => this,
    };

    /// <summary>A deep copy of an item or map.</summary>
    public static Dictionary<string, DynamoValue> CloneItem(Dictionary<string, DynamoValue> item)
    {
        var copy = new Dictionary<string, DynamoValue>(item.Count, StringComparer.Ordinal);
        foreach (var (k, v) in item)
        {
            copy[k] = v.Clone();
        }

        return copy;
    }

    /// <summary>DynamoDB equality: same type and same value (numbers numerically, sets as sets).</summary>
    public bool ValueEquals(DynamoValue other)
    {
        if (Type != other.Type)
        {
            return false;
        }

        switch (Type)
        {
            case DynamoType.S: return Text == other.Text;
            case DynamoType.N: return Number.Equals(other.Number);
            case DynamoType.B: return Bytes!.AsSpan().SequenceEqual(other.Bytes);
            case DynamoType.BOOL:
            case DynamoType.NULL: return Bool == other.Bool;
            case DynamoType.SS:
            case DynamoType.NS: return Strings!.Count == other.Strings!.Count && Strings.All(other.Strings.Contains);
            case DynamoType.BS:
                return BinarySet!.Count == other.BinarySet!.Count
                    && BinarySet.All(b => other.BinarySet.Any(o => o.AsSpan().SequenceEqual(b)));
            case DynamoType.L:
                return List!.Count == other.List!.Count && List.Zip(other.List).All(p => p.First.ValueEquals(p.Second));
            case DynamoType.M:
                return ItemsEqual(Map!, other.Map!);
            default: return false;
        }
    }

    /// <summary>Deep equality of two items or maps.</summary>
    public static bool ItemsEqual(Dictionary<string, DynamoValue> a, Dictionary<string, DynamoValue> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var o) && kv.Value.ValueEquals(o));

    /// <summary>Orders two scalars of the same type (S by UTF-8 bytes, N numerically, B by unsigned bytes); null when not comparable.</summary>
    public static int? CompareScalars(DynamoValue a, DynamoValue b)
    {
        if (a.Type != b.Type)
        {
            return null;
        }

        return a.Type switch
        {
            DynamoType.S => CompareUtf8(a.Text!, b.Text!),
            DynamoType.N => a.Number.CompareTo(b.Number),
            DynamoType.B => a.Bytes!.AsSpan().SequenceCompareTo(b.Bytes),
            _ => null,
        };
    }

    private static int CompareUtf8(string a, string b) =>
        Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b));

    /// <summary>Whether a set holds the given element (of the set's element type).</summary>
    public bool SetContains(DynamoValue element) => (Type, element.Type) switch
    {
        (DynamoType.SS, DynamoType.S) => Strings!.Contains(element.Text!),
        (DynamoType.NS, DynamoType.N) => Strings!.Contains(element.Text!),
        (DynamoType.BS, DynamoType.B) => BinarySet!.Any(b => b.AsSpan().SequenceEqual(element.Bytes)),
        _ => false,
    };

    /// <summary>Approximate stored size in bytes (DynamoDB's item size rules, simplified).</summary>
    public int SizeBytes => Type switch
    {
        DynamoType.S => Encoding.UTF8.GetByteCount(Text!),
        DynamoType.N => ((Text!.TrimStart('-').Replace(".", string.Empty, StringComparison.Ordinal).Length + 1) / 2) + 1,
        DynamoType.B => Bytes!.Length,
        DynamoType.BOOL or DynamoType.NULL => 1,
        DynamoType.SS => Strings!.Sum(Encoding.UTF8.GetByteCount),
        DynamoType.NS => Strings!.Sum(s => (s.Length / 2) + 1),
        DynamoType.BS => BinarySet!.Sum(b => b.Length),
        DynamoType.L => 3 + List!.Sum(v => 1 + v.SizeBytes),
        DynamoType.M => 3 + ItemSize(Map!),
        _ => 0,
    };

    /// <summary>Approximate item size: attribute names plus values.</summary>
    public static int ItemSize(Dictionary<string, DynamoValue> item) =>
        item.Sum(kv => Encoding.UTF8.GetByteCount(kv.Key) + kv.Value.SizeBytes);

    /// <summary>Reads <c>{"S":"x"}</c>-style JSON, validating as DynamoDB does.</summary>
    public static DynamoValue Parse(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw DynamoDbErrors.Validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }

        DynamoValue? result = null;
        foreach (var property in json.EnumerateObject())
        {
            if (result is not null)
            {
                throw DynamoDbErrors.Validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
            }

            var v = property.Value;
            result = property.Name switch
            {
                "S" => FromString(v.GetString()!),
                "N" => FromNumber(DynamoNumber.Parse(v.GetString()!)),
                "B" => FromBytes(v.GetBytesFromBase64()),
                "BOOL" => FromBool(v.GetBoolean()),
                "NULL" => v.GetBoolean()
                    ? Null()
                    : throw DynamoDbErrors.Validation("One or more parameter values were invalid: Null attribute value types must have the value of true"),
                "SS" => FromStringSet(DynamoType.SS, ReadSet(v, "string", e => e.GetString()!)),
                "NS" => FromStringSet(DynamoType.NS, ReadSet(v, "number", e => DynamoNumber.Parse(e.GetString()!).ToString())),
                "BS" => ReadBinarySet(v),
                "L" => FromList(v.EnumerateArray().Select(Parse).ToList()),
                "M" => FromMap(ParseItem(v)),
                _ => null,
            };
        }

        return result ?? throw DynamoDbErrors.Validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }

    private static List<string> ReadSet(JsonElement array, string kind, Func<JsonElement, string> read)
    {
        var members = array.EnumerateArray().Select(read).ToList();
        if (members.Count == 0)
        {
            throw DynamoDbErrors.Validation($"One or more parameter values were invalid: An {kind} set  may not be empty");
        }

        if (members.Distinct(StringComparer.Ordinal).Count() != members.Count)
        {
            throw DynamoDbErrors.Validation($"Input collection [{string.Join(", ", members)}] contains duplicates.");
        }

        return members;
    }

    private static DynamoValue ReadBinarySet(JsonElement array)
    {
        var members = array.EnumerateArray().Select(e => e.GetBytesFromBase64()).ToList();
        if (members.Count == 0)
        {
            throw DynamoDbErrors.Validation("One or more parameter values were invalid: An binary set  may not be empty");
        }

        if (members.Select(Convert.ToBase64String).Distinct(StringComparer.Ordinal).Count() != members.Count)
        {
            throw DynamoDbErrors.Validation("Input collection contains duplicates.");
        }

        return FromBinarySet(members);
    }

    /// <summary>Reads a JSON object of attribute name → attribute value.</summary>
    public static Dictionary<string, DynamoValue> ParseItem(JsonElement json)
    {
        var item = new Dictionary<string, DynamoValue>(StringComparer.Ordinal);
        if (json.ValueKind != JsonValueKind.Object)
        {
            return item;
        }

        foreach (var property in json.EnumerateObject())
        {
            item[property.Name] = Parse(property.Value);
        }

        return item;
    }

    /// <summary>This value as wire JSON.</summary>
    public JsonObject ToJson() => Type switch
    {
        DynamoType.S => new JsonObject { ["S"] = Text },
        DynamoType.N => new JsonObject { ["N"] = Text },
        DynamoType.B => new JsonObject { ["B"] = Convert.ToBase64String(Bytes!) },
        DynamoType.BOOL => new JsonObject { ["BOOL"] = Bool },
        DynamoType.NULL => new JsonObject { ["NULL"] = true },
        DynamoType.SS or DynamoType.NS => new JsonObject { [Type.ToString()] = new JsonArray(Strings!.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()) },
        DynamoType.BS => new JsonObject { ["BS"] = new JsonArray(BinarySet!.Select(b => (JsonNode?)JsonValue.Create(Convert.ToBase64String(b))).ToArray()) },
        DynamoType.L => new JsonObject { ["L"] = new JsonArray(List!.Select(v => (JsonNode?)v.ToJson()).ToArray()) },
        DynamoType.M => new JsonObject { ["M"] = ItemToJson(Map!) },
        _ => new JsonObject(),
    };

    /// <summary>An item as wire JSON.</summary>
    public static JsonObject ItemToJson(Dictionary<string, DynamoValue> item)
    {
        var json = new JsonObject();
        foreach (var (k, v) in item)
        {
            json[k] = v.ToJson();
        }

        return json;
    }

    /// <summary>Short form used in DynamoDB's error messages, e.g. <c>{N:5}</c>.</summary>
    public override string ToString() => Type switch
    {
        DynamoType.S or DynamoType.N => $"{{{Type}:{Text}}}",
        _ => $"{{{Type}}}",
    };
}
