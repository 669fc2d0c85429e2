using System.Text;
using System.Text.Json;

namespace Course.Sandbox.StepFunctions.Definition;

/// <summary>
/// Finds where a definition diagnostic's location (AWS's pointer, e.g. <c>/States/A/Choices[0]/Next</c>) is in the
/// file, so an error can name its line and column (<c>course states run|validate</c>, exercise checks).
/// </summary>
public static class JsonLocator
{
    /// <summary>1-based line and column of the property (or element) at <paramref name="location"/>, or (1, 1).</summary>
    /// <param name="json">The definition's text.</param>
    /// <param name="location">A diagnostic's location (<see cref="DefinitionDiagnostic.Location"/>), or null.</param>
    /// <returns>The line and column of the deepest property or element on the way to <paramref name="location"/>.</returns>
    public static (int Line, int Column) Find(string json, string? location)
    {
        if (string.IsNullOrEmpty(location) || location == "/")
        {
            return (1, 1);
        }
        var target = Segments(location);
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new List<string>();
        var stack = new Stack<(bool IsArray, int Index)>();
        long best = 0;
        var bestDepth = -1;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        Trim(path, stack.Count - 1);
                        path.Add(reader.GetString()!);
                        Consider(path, target, reader.TokenStartIndex, ref best, ref bestDepth);
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        ElementInArray(stack, path, target, reader.TokenStartIndex, ref best, ref bestDepth);
                        stack.Push((reader.TokenType == JsonTokenType.StartArray, -1));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        stack.Pop();
                        Trim(path, stack.Count);
                        break;
                    default:
                        ElementInArray(stack, path, target, reader.TokenStartIndex, ref best, ref bestDepth);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // A malformed file: keep what was found so far.
        }
        return Position(bytes, best);
    }

    private static void ElementInArray(Stack<(bool IsArray, int Index)> stack, List<string> path, List<string> target, long at, ref long best, ref int bestDepth)
    {
        if (stack.Count == 0 || !stack.Peek().IsArray)
        {
            return;
        }
        var (isArray, index) = stack.Pop();
        stack.Push((isArray, index + 1));
        Trim(path, stack.Count - 1);
        path.Add($"[{index + 1}]");
        Consider(path, target, at, ref best, ref bestDepth);
    }

    private static void Trim(List<string> path, int keep)
    {
        while (path.Count > Math.Max(0, keep))
        {
            path.RemoveAt(path.Count - 1);
        }
    }

    private static void Consider(List<string> path, List<string> target, long at, ref long best, ref int bestDepth)
    {
        if (path.Count > target.Count || path.Count <= bestDepth)
        {
            return;
        }
        for (var i = 0; i < path.Count; i++)
        {
            if (path[i] != target[i])
            {
                return;
            }
        }
        best = at;
        bestDepth = path.Count;
    }

    /// <summary>"/States/A/Choices[0]/Next" → States, A, Choices, [0], Next.</summary>
    private static List<string> Segments(string location)
    {
        var result = new List<string>();
        foreach (var part in location.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket < 0 || !part.EndsWith(']')) { result.Add(part); continue; }
            result.Add(part[..bracket]);
            foreach (var index in part[(bracket + 1)..^1].Split("]["))
            {
                result.Add($"[{index}]");
            }
        }
        return result;
    }

    private static (int Line, int Column) Position(byte[] bytes, long offset)
    {
        int line = 1, column = 1;
        for (long i = 0; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n') { line++; column = 1; }
            else if ((bytes[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }
        return (line, column);
    }
}
