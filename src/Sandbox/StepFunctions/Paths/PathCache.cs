using System.Collections.Concurrent;
using Course.Sandbox.StepFunctions.Intrinsics;

namespace Course.Sandbox.StepFunctions.Paths;

/// <summary>Parsed paths and intrinsic calls by text, so each is parsed once however many states and items use it.</summary>
internal static class PathCache
{
    private static readonly ConcurrentDictionary<string, JsonPath> Paths = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, IntrinsicCall> Calls = new(StringComparer.Ordinal);

    /// <summary>The parsed path.</summary>
    /// <exception cref="JsonPathException">Invalid.</exception>
    public static JsonPath Get(string text) => Paths.TryGetValue(text, out var p) ? p : Paths.GetOrAdd(text, JsonPath.Parse(text));

    /// <summary>The parsed intrinsic call.</summary>
    /// <exception cref="JsonPathException">Invalid.</exception>
    public static IntrinsicCall GetIntrinsic(string text) =>
        Calls.TryGetValue(text, out var c) ? c : Calls.GetOrAdd(text, new IntrinsicParser(text).Parse());
}
