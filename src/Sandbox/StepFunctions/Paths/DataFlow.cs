using System.Text.Json.Nodes;
using Course.Sandbox.StepFunctions.Definition;
using Course.Sandbox.StepFunctions.Intrinsics;

namespace Course.Sandbox.StepFunctions.Paths;

/// <summary>
/// Input and output processing in AWS's order (catalogue row SFN_02): InputPath → Parameters → (the work) →
/// ResultSelector → ResultPath → OutputPath, with payload templates whose <c>.$</c> keys take a path or an intrinsic.
/// Failures raise <see cref="StatesException"/> with AWS's error names and cause texts (without the
/// "An error occurred while executing the state …" prefix, which the runner adds).
/// </summary>
internal static class DataFlow
{
    /// <summary>InputPath: the part of the raw input the state works on; JSON null gives <c>{}</c>.</summary>
    public static JsonNode? ApplyInputPath(OptionalPath inputPath, PathScope scope)
    {
        if (inputPath.IsNull)
        {
            return new JsonObject();
        }
        if (inputPath.Path == "$")
        {
            return JsonValues.Copy(scope.Input);
        }
        var path = PathCache.Get(inputPath.Path!);
        if (path.TryEvaluate(scope.Start(path), out var value))
        {
            return value;
        }
        throw new StatesException(StatesErrors.Runtime, $"Invalid path '{path.Text}' : No results for path: {path.Canonical}");
    }

    /// <summary>OutputPath: the part of the state's output passed on; JSON null gives <c>{}</c>.</summary>
    public static JsonNode? ApplyOutputPath(OptionalPath outputPath, JsonNode? output)
    {
        if (outputPath.IsNull)
        {
            return new JsonObject();
        }
        if (outputPath.Path == "$")
        {
            return output;
        }
        var path = PathCache.Get(outputPath.Path!);
        if (path.TryEvaluate(output, out var value))
        {
            return value;
        }
        throw new StatesException(StatesErrors.Runtime, $"Invalid path '{path.Text}' : No results for path: {path.Canonical}");
    }

    /// <summary>ResultPath: where the result goes in the raw input; <c>$</c> replaces it; JSON null keeps the input.</summary>
    public static JsonNode? ApplyResultPath(OptionalPath resultPath, JsonNode? rawInput, JsonNode? result)
    {
        if (resultPath.IsNull)
        {
            return JsonValues.Copy(rawInput);
        }
        if (resultPath.Path == "$")
        {
            return JsonValues.Copy(result);
        }
        var path = PathCache.Get(resultPath.Path!);
        var root = JsonValues.Copy(rawInput);
        if (root is not JsonObject && !(root is JsonArray && path.Segments.Count > 0 && path.Segments[0] is IndexSegment))
        {
            throw MatchFailure(path, rawInput);
        }
        var current = root!;
        for (var i = 0; i < path.Segments.Count; i++)
        {
            var last = i == path.Segments.Count - 1;
            switch (path.Segments[i], current)
            {
                case (ChildSegment c, JsonObject o):
                    if (last) { o[c.Name] = JsonValues.Copy(result); break; }
                    if (!o.TryGetPropertyValue(c.Name, out var child) || child is null) { child = new JsonObject(); o[c.Name] = child; }
                    if (child is not (JsonObject or JsonArray))
                    {
                        throw MatchFailure(path, rawInput);
                    }
                    current = child;
                    break;
                case (IndexSegment ix, JsonArray a):
                    var k = ix.Index < 0 ? a.Count + ix.Index : ix.Index;
                    if (k < 0 || k >= a.Count)
                    {
                        throw MatchFailure(path, rawInput);
                    }
                    if (last) { a[k] = JsonValues.Copy(result); break; }
                    current = a[k] ?? throw MatchFailure(path, rawInput);
                    break;
                default:
                    throw MatchFailure(path, rawInput);
            }
        }
        return root;
    }

    /// <summary>
    /// A payload template (Parameters, ResultSelector, ItemSelector, Assign): a copy with every <c>key.$</c> replaced by
    /// <c>key</c> and the value of its path or intrinsic.
    /// </summary>
    public static JsonNode? ApplyTemplate(JsonNode? template, PathScope scope, IntrinsicContext intrinsics)
    {
        switch (template)
        {
            case JsonObject o:
                var result = new JsonObject();
                foreach (var (key, value) in o)
                {
                    if (!key.EndsWith(".$", StringComparison.Ordinal))
                    {
                        result[key] = ApplyTemplate(value, scope, intrinsics);
                        continue;
                    }
                    var text = value!.GetValue<string>();
                    result[key[..^2]] = IntrinsicParser.IsIntrinsic(text)
                        ? PathCache.GetIntrinsic(text).Evaluate(scope, intrinsics)
                        : Select(text, key, scope);
                }
                return result;
            case JsonArray a:
                var array = new JsonArray();
                foreach (var e in a)
                {
                    array.Add(ApplyTemplate(e, scope, intrinsics));
                }
                return array;
            default:
                return JsonValues.Copy(template);
        }
    }

    /// <summary>Evaluates a path or intrinsic written as a string field (ErrorPath, CausePath, a <c>.$</c> value).</summary>
    public static JsonNode? Evaluate(string text, string field, PathScope scope, IntrinsicContext intrinsics) =>
        IntrinsicParser.IsIntrinsic(text) ? PathCache.GetIntrinsic(text).Evaluate(scope, intrinsics) : Select(text, field, scope);

    /// <summary>Reads a reference path (ItemsPath, SecondsPath, …) for a field; a miss is <c>States.Runtime</c>.</summary>
    public static JsonNode? Reference(string text, string field, PathScope scope) => Select(text, field, scope);

    private static JsonNode? Select(string text, string field, PathScope scope)
    {
        var path = PathCache.Get(text);
        var start = scope.Start(path);
        if (path.TryEvaluate(start, out var value))
        {
            return value;
        }
        throw new StatesException(StatesErrors.Runtime,
            $"The JSONPath '{text}' specified for the field '{field}' could not be found in the input '{JsonValues.Text(start)}'");
    }

    private static StatesException MatchFailure(JsonPath path, JsonNode? input) =>
        new(StatesErrors.ResultPathMatchFailure, $"Unable to apply ReferencePath {path.Text} to input '{JsonValues.Text(input)}'");
}
