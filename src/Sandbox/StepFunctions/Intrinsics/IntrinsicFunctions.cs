using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Sandbox.StepFunctions.Paths;

namespace Course.Sandbox.StepFunctions.Intrinsics;

/// <summary>
/// Every States.* intrinsic function of JSONPath states (catalogue row SFN_03). A wrong argument count or type, or a
/// limit exceeded, raises <c>States.IntrinsicFailure</c>.
/// </summary>
internal static class IntrinsicFunctions
{
    /// <summary>AWS's limit on the input of Base64Encode/Decode and Hash, in characters.</summary>
    public const int MaxDataLength = 10_000;

    /// <summary>AWS's limit on the items ArrayRange may produce.</summary>
    public const int MaxRangeItems = 1_000;

    /// <summary>The names of every intrinsic.</summary>
    public static readonly IReadOnlySet<string> Names = new SortedSet<string>(StringComparer.Ordinal)
    {
        "States.Format", "States.StringToJson", "States.JsonToString", "States.Array", "States.ArrayPartition",
        "States.ArrayContains", "States.ArrayRange", "States.ArrayGetItem", "States.ArrayLength", "States.ArrayUnique",
        "States.Base64Encode", "States.Base64Decode", "States.Hash", "States.JsonMerge", "States.MathRandom",
        "States.MathAdd", "States.StringSplit", "States.UUID",
    };

    /// <summary>Calls <paramref name="name"/> with evaluated <paramref name="args"/>.</summary>
    public static JsonNode? Invoke(string name, List<JsonNode?> args, IntrinsicContext context, bool escapedTemplate = false) => name switch
    {
        "States.Format" => Format(args, escapedTemplate),
        "States.StringToJson" => StringToJson(args),
        "States.JsonToString" => JsonValue.Create(JsonValues.Text(One(name, args))),
        "States.Array" => new JsonArray([.. args.Select(JsonValues.Copy)]),
        "States.ArrayPartition" => ArrayPartition(args),
        "States.ArrayContains" => JsonValue.Create(Array(name, args, 2, 0).Any(e => JsonValues.Equal(e, args[1]))),
        "States.ArrayRange" => ArrayRange(args),
        "States.ArrayGetItem" => ArrayGetItem(args),
        "States.ArrayLength" => JsonValue.Create(Array(name, args, 1, 0).Count),
        "States.ArrayUnique" => ArrayUnique(args),
        "States.Base64Encode" => JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(Data(name, args, 1)))),
        "States.Base64Decode" => Base64Decode(args),
        "States.Hash" => Hash(args),
        "States.JsonMerge" => JsonMerge(args),
        "States.MathRandom" => MathRandom(args, context),
        "States.MathAdd" => MathAdd(args),
        "States.StringSplit" => StringSplit(args),
        "States.UUID" => Count(name, args, 0) ? JsonValue.Create(context.NewUuid()) : null,
        _ => throw Failure($"The function '{name}' is not supported."),
    };

    private static JsonNode? Format(List<JsonNode?> args, bool escapedTemplate)
    {
        if (args.Count == 0)
        {
            throw Failure("Invalid arguments in States.Format: it takes a template string and one argument per {}.");
        }
        var template = JsonValues.AsString(args[0]) ?? throw Failure("The first argument of States.Format must be a string.");
        var sb = new StringBuilder();
        var next = 1;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (escapedTemplate && c == '\\' && i + 1 < template.Length) { sb.Append(template[++i]); continue; }
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '}')
            {
                if (next >= args.Count)
                {
                    throw Failure($"Number of arguments in States.Format do not match the number of {{}} in the template '{template}'.");
                }
                var arg = args[next++];
                sb.Append(JsonValues.Kind(arg) switch
                {
                    JsonValueKind.String => arg!.GetValue<string>(),
                    JsonValueKind.Object or JsonValueKind.Array => throw Failure("States.Format arguments must be strings, numbers, booleans or null, not objects or arrays."),
                    _ => JsonValues.Text(arg),
                });
                i++;
                continue;
            }
            sb.Append(c);
        }
        if (next != args.Count)
        {
            throw Failure($"Number of arguments in States.Format do not match the number of {{}} in the template '{template}'.");
        }
        return JsonValue.Create(sb.ToString());
    }

    private static JsonNode? StringToJson(List<JsonNode?> args)
    {
        var s = JsonValues.AsString(One("States.StringToJson", args)) ?? throw Failure("The argument of States.StringToJson must be a string.");
        try
        {
            return JsonValues.Parse(s);
        }
        catch (JsonException)
        {
            throw Failure($"The argument of States.StringToJson is not valid JSON: '{s}'.");
        }
    }

    private static JsonNode ArrayPartition(List<JsonNode?> args)
    {
        var array = Array("States.ArrayPartition", args, 2, 0);
        var size = Integer("States.ArrayPartition", args[1]);
        if (size <= 0)
        {
            throw Failure("The chunk size of States.ArrayPartition must be a positive integer.");
        }
        var result = new JsonArray();
        for (var i = 0; i < array.Count; i += (int)size)
        {
            result.Add(new JsonArray([.. array.Skip(i).Take((int)size).Select(JsonValues.Copy)]));
        }
        return result;
    }

    private static JsonNode ArrayRange(List<JsonNode?> args)
    {
        Count("States.ArrayRange", args, 3);
        var (first, last, step) = (Integer("States.ArrayRange", args[0]), Integer("States.ArrayRange", args[1]), Integer("States.ArrayRange", args[2]));
        if (step == 0)
        {
            throw Failure("The step of States.ArrayRange cannot be 0.");
        }
        var count = last >= first == step > 0 ? (Math.Abs(last - first) / Math.Abs(step)) + 1 : 0;
        if (count > MaxRangeItems)
        {
            throw Failure($"States.ArrayRange would produce {count} items; the limit is {MaxRangeItems}.");
        }
        var result = new JsonArray();
        for (var v = first; step > 0 ? v <= last : v >= last; v += step)
        {
            result.Add(JsonValue.Create(v));
        }
        return result;
    }

    private static JsonNode? ArrayGetItem(List<JsonNode?> args)
    {
        var array = Array("States.ArrayGetItem", args, 2, 0);
        var index = Integer("States.ArrayGetItem", args[1]);
        if (index < 0 || index >= array.Count)
        {
            throw Failure($"The index {index} is out of bounds of the array of {array.Count} items in States.ArrayGetItem.");
        }
        return JsonValues.Copy(array[(int)index]);
    }

    private static JsonNode ArrayUnique(List<JsonNode?> args)
    {
        var result = new JsonArray();
        foreach (var e in Array("States.ArrayUnique", args, 1, 0))
        {
            if (!result.Any(r => JsonValues.Equal(r, e)))
            {
                result.Add(JsonValues.Copy(e));
            }
        }
        return result;
    }

    private static JsonNode Base64Decode(List<JsonNode?> args)
    {
        var data = Data("States.Base64Decode", args, 1);
        try
        {
            return JsonValue.Create(Encoding.UTF8.GetString(Convert.FromBase64String(data)));
        }
        catch (FormatException)
        {
            throw Failure($"The argument of States.Base64Decode is not valid base64: '{data}'.");
        }
    }

    private static JsonNode Hash(List<JsonNode?> args)
    {
        Count("States.Hash", args, 2);
        var data = JsonValues.AsString(args[0]) ?? JsonValues.Text(args[0]);
        if (data.Length > MaxDataLength)
        {
            throw Failure($"The input of States.Hash is longer than {MaxDataLength} characters.");
        }
        var bytes = Encoding.UTF8.GetBytes(data);
        var hash = JsonValues.AsString(args[1]) switch
        {
            "MD5" => MD5.HashData(bytes),
            "SHA-1" => SHA1.HashData(bytes),
            "SHA-256" => SHA256.HashData(bytes),
            "SHA-384" => SHA384.HashData(bytes),
            "SHA-512" => SHA512.HashData(bytes),
            var other => throw Failure($"The hash algorithm '{other}' of States.Hash is not supported: use MD5, SHA-1, SHA-256, SHA-384 or SHA-512."),
        };
        return JsonValue.Create(Convert.ToHexStringLower(hash));
    }

    private static JsonNode JsonMerge(List<JsonNode?> args)
    {
        Count("States.JsonMerge", args, 3);
        if (args[0] is not JsonObject a || args[1] is not JsonObject b)
        {
            throw Failure("The first two arguments of States.JsonMerge must be JSON objects.");
        }
        if (JsonValues.AsBoolean(args[2]) is not bool deep)
        {
            throw Failure("The third argument of States.JsonMerge must be a boolean.");
        }
        if (deep)
        {
            throw Failure("States.JsonMerge supports only a shallow merge: the third argument must be false.");
        }
        var result = (JsonObject)a.DeepClone();
        foreach (var (key, value) in b)
        {
            result[key] = JsonValues.Copy(value);
        }
        return result;
    }

    private static JsonNode MathRandom(List<JsonNode?> args, IntrinsicContext context)
    {
        if (args.Count is not (2 or 3))
        {
            throw Failure("States.MathRandom takes a start, an end and an optional seed.");
        }
        var start = Integer("States.MathRandom", args[0]);
        var end = Integer("States.MathRandom", args[1]);
        if (end <= start)
        {
            throw Failure("The end of States.MathRandom must be greater than its start.");
        }
        var random = args.Count == 3 ? new Random((int)Integer("States.MathRandom", args[2])) : context.Random;
        lock (random)
        {
            return JsonValue.Create(random.NextInt64(start, end));
        }
    }

    private static JsonNode MathAdd(List<JsonNode?> args)
    {
        Count("States.MathAdd", args, 2);
        var (a, b) = (Integer("States.MathAdd", args[0]), Integer("States.MathAdd", args[1]));
        var sum = a + b;
        if (sum is < int.MinValue or > int.MaxValue)
        {
            throw Failure("The result of States.MathAdd is outside the 32-bit integer range.");
        }
        return JsonValue.Create(sum);
    }

    private static JsonNode StringSplit(List<JsonNode?> args)
    {
        Count("States.StringSplit", args, 2);
        var s = JsonValues.AsString(args[0]) ?? throw Failure("The first argument of States.StringSplit must be a string.");
        var delimiters = JsonValues.AsString(args[1]) ?? throw Failure("The second argument of States.StringSplit must be a string.");
        var parts = delimiters.Length == 0 ? [s] : s.Split(delimiters.ToCharArray(), StringSplitOptions.RemoveEmptyEntries);
        return new JsonArray([.. parts.Select(p => (JsonNode)JsonValue.Create(p))]);
    }

    private static string Data(string name, List<JsonNode?> args, int count)
    {
        Count(name, args, count);
        var s = JsonValues.AsString(args[0]) ?? throw Failure($"The argument of {name} must be a string.");
        if (s.Length > MaxDataLength)
        {
            throw Failure($"The input of {name} is longer than {MaxDataLength} characters.");
        }
        return s;
    }

    private static JsonArray Array(string name, List<JsonNode?> args, int count, int index)
    {
        Count(name, args, count);
        return args[index] as JsonArray ?? throw Failure($"Argument {index + 1} of {name} must be an array.");
    }

    private static long Integer(string name, JsonNode? node)
    {
        var n = JsonValues.AsNumber(node) ?? throw Failure($"The arguments of {name} must be integers; got {JsonValues.Text(node)}.");
        if (n != decimal.Truncate(n) || n is < long.MinValue or > long.MaxValue)
        {
            throw Failure($"The arguments of {name} must be integers; got {n.ToString(CultureInfo.InvariantCulture)}.");
        }
        return (long)n;
    }

    private static JsonNode? One(string name, List<JsonNode?> args)
    {
        Count(name, args, 1);
        return args[0];
    }

    private static bool Count(string name, List<JsonNode?> args, int expected) =>
        args.Count == expected ? true : throw Failure($"{name} takes {expected} argument{(expected == 1 ? "" : "s")}; got {args.Count}.");

    private static StatesException Failure(string cause) => new(StatesErrors.IntrinsicFailure, cause);
}
