using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Course.Grading.Exercises.Model;

/// <summary>
/// Reads an exercise folder's exercise.yaml into an <see cref="ExerciseDefinition"/>. Every problem is an
/// <see cref="ExerciseFormatException"/> naming file:line:col, what is wrong and how to fix it: bad YAML,
/// unknown keys, missing or mistyped values, values out of range.
/// </summary>
public static partial class ExerciseLoader
{
    /// <summary>The file name of an exercise's description.</summary>
    public const string FileName = "exercise.yaml";

    private static readonly string[] TopKeys = { "id", "title", "lesson", "handler", "function", "trigger", "checks", "checksFiles", "learnerFiles", "limits" };
    private static readonly string[] HandlerKeys = { "file", "type", "method" };
    private static readonly string[] FunctionKeys = { "name", "memory", "timeout", "environment", "reservedConcurrency" };
    private static readonly string[] TriggerKeys = { "kind", "settings", "learnerSettings" };
    private static readonly string[] CheckKeys = { "id", "title", "points", "task", "hint" };
    private static readonly string[] LimitKeys = { "wallClockSeconds", "memoryMb" };

    /// <summary>Loads <c>exercise.yaml</c> from a folder.</summary>
    /// <param name="directory">The exercise folder.</param>
    /// <param name="displayPath">How to name the yaml file in messages; defaults to its path under <paramref name="directory"/>.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="ExerciseFormatException">The folder has no exercise.yaml or it is malformed.</exception>
    public static ExerciseDefinition Load(string directory, string? displayPath = null)
    {
        var path = Path.Combine(directory, FileName);
        displayPath ??= path.Replace('\\', '/');
        if (!File.Exists(path))
        {
            throw new ExerciseFormatException($"{displayPath}: error: file not found. An exercise folder needs an {FileName}; check the folder you passed to `grade`.");
        }

        return Parse(File.ReadAllText(path), displayPath);
    }

    /// <summary>Parses exercise.yaml text.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="displayPath">The file name used in messages.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="ExerciseFormatException">The text is malformed.</exception>
    public static ExerciseDefinition Parse(string yaml, string displayPath)
    {
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(yaml));
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet sometimes fails inside its scanner without a YamlException; the scanner knows where it was.
            var at = scanner.CurrentPosition;
            throw new ExerciseFormatException($"{displayPath}:{at.Line}:{at.Column}: error: invalid YAML near here: check brackets, quotes and indentation", e);
        }
        catch (YamlException e)
        {
            var reason = e.InnerException is { } inner && inner.Message.Length > 0 && inner is not YamlException ? inner.Message : e.Message;
            reason = reason.Replace($"({e.Start}) - ({e.End}): ", "", StringComparison.Ordinal);
            throw new ExerciseFormatException($"{displayPath}:{e.Start.Line}:{e.Start.Column}: error: invalid YAML: {reason}", e);
        }

        var reader = new Reader(displayPath);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ExerciseFormatException($"{displayPath}:1:1: error: expected a mapping with keys {string.Join(", ", TopKeys)}.");
        }

        var top = reader.Map(root, TopKeys, "the top level");
        var id = reader.RequiredString(top, root, "id");
        if (!IdPattern().IsMatch(id))
        {
            throw reader.Error(top["id"], $"id '{id}' must be lower-case letters, digits and '-' (e.g. 01-hello-api)");
        }

        var title = reader.RequiredString(top, root, "title");
        var lesson = reader.OptionalString(top, "lesson") ?? "";

        var handlerNode = reader.RequiredMapping(top, root, "handler");
        var handlerMap = reader.Map(handlerNode, HandlerKeys, "handler");
        var handler = new HandlerSpec(
            reader.RequiredString(handlerMap, handlerNode, "file"),
            reader.RequiredString(handlerMap, handlerNode, "type"),
            reader.RequiredString(handlerMap, handlerNode, "method"));

        var function = ReadFunction(reader, top, id);
        var trigger = ReadTrigger(reader, top);
        var limits = ReadLimits(reader, top);

        IReadOnlyList<string> checksFiles = new[] { "Checks.cs" };
        if (top.TryGetValue("checksFiles", out var filesNode))
        {
            if (filesNode is not YamlSequenceNode files || files.Children.Count == 0)
            {
                throw reader.Error(filesNode, "checksFiles must be a non-empty list of C# file names (e.g. [Checks.cs])");
            }

            checksFiles = files.Children.Select(n => reader.Scalar(n, "checksFiles entry")).ToArray();
        }

        var learnerFiles = new List<LearnerFile>();
        if (top.TryGetValue("learnerFiles", out var learnerNode))
        {
            if (learnerNode is not YamlSequenceNode listed || listed.Children.Count == 0)
            {
                throw reader.Error(learnerNode, "learnerFiles must be a non-empty list of file names beside the handler (e.g. [template.yaml])");
            }

            foreach (var item in listed.Children)
            {
                var name = reader.Scalar(item, "learnerFiles entry");
                if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.StartsWith('.'))
                {
                    throw reader.Error(item, $"learnerFiles entry '{name}' must be a plain file name in the handler's folder (e.g. template.yaml)");
                }

                learnerFiles.Add(new LearnerFile(name));
            }
        }

        var checks = ReadChecks(reader, top, root);
        return new ExerciseDefinition(id, title, lesson, handler, function, trigger, checksFiles, checks, limits) { LearnerFiles = learnerFiles };
    }

    private static FunctionSpec ReadFunction(Reader reader, IReadOnlyDictionary<string, YamlNode> top, string id)
    {
        if (!top.TryGetValue("function", out var node))
        {
            return new FunctionSpec(id, 128, 3, new Dictionary<string, string>(), null);
        }

        var map = reader.Map(reader.AsMapping(node, "function"), FunctionKeys, "function");
        var memory = reader.OptionalInt(map, "memory") ?? 128;
        if (memory is < 128 or > 10240)
        {
            throw reader.Error(map["memory"], $"Value '{memory}' at 'memorySize' failed to satisfy constraint: Member must have value between 128 and 10240 (MB)");
        }

        var timeout = reader.OptionalInt(map, "timeout") ?? 3;
        if (timeout is < 1 or > 900)
        {
            throw reader.Error(map["timeout"], $"Value '{timeout}' at 'timeout' failed to satisfy constraint: Member must have value between 1 and 900 (seconds)");
        }

        var reserved = reader.OptionalInt(map, "reservedConcurrency");
        if (reserved is < 0)
        {
            throw reader.Error(map["reservedConcurrency"], $"Value '{reserved}' at 'reservedConcurrentExecutions' failed to satisfy constraint: Member must have value greater than or equal to 0");
        }

        var environment = map.TryGetValue("environment", out var envNode) ? reader.StringMap(envNode, "function.environment") : new Dictionary<string, string>();
        return new FunctionSpec(reader.OptionalString(map, "name") ?? id, memory, timeout, environment, reserved);
    }

    private static TriggerSpec ReadTrigger(Reader reader, IReadOnlyDictionary<string, YamlNode> top)
    {
        if (!top.TryGetValue("trigger", out var node))
        {
            return new TriggerSpec(TriggerKind.Direct, new Dictionary<string, string>());
        }

        var map = reader.Map(reader.AsMapping(node, "trigger"), TriggerKeys, "trigger");
        var kindText = reader.OptionalString(map, "kind") ?? "direct";
        var kind = kindText switch
        {
            "direct" => TriggerKind.Direct,
            "apigw" => TriggerKind.ApiGateway,
            "sqs" => TriggerKind.Sqs,
            "s3" => TriggerKind.S3,
            "dynamodb" => TriggerKind.DynamoDbStream,
            _ => throw reader.Error(map["kind"], $"unknown trigger kind '{kindText}'; use one of: apigw, sqs, s3, dynamodb, direct"),
        };
        var settings = map.TryGetValue("settings", out var settingsNode) ? reader.StringMap(settingsNode, "trigger.settings") : new Dictionary<string, string>();
        return new TriggerSpec(kind, settings, reader.OptionalString(map, "learnerSettings"));
    }

    private static GradingLimits ReadLimits(Reader reader, IReadOnlyDictionary<string, YamlNode> top)
    {
        if (!top.TryGetValue("limits", out var node))
        {
            return new GradingLimits();
        }

        var map = reader.Map(reader.AsMapping(node, "limits"), LimitKeys, "limits");
        var defaults = new GradingLimits();
        var seconds = reader.OptionalDouble(map, "wallClockSeconds") ?? defaults.WallClockSeconds;
        if (seconds is <= 0 or > 600)
        {
            throw reader.Error(map["wallClockSeconds"], $"limits.wallClockSeconds must be between 0 and 600, got {seconds.ToString(CultureInfo.InvariantCulture)}");
        }

        var memory = reader.OptionalInt(map, "memoryMb") ?? defaults.MemoryMb;
        if (memory is < 32 or > 4096)
        {
            throw reader.Error(map["memoryMb"], $"limits.memoryMb must be between 32 and 4096, got {memory}");
        }

        return new GradingLimits(seconds, memory);
    }

    private static List<CheckSpec> ReadChecks(Reader reader, IReadOnlyDictionary<string, YamlNode> top, YamlNode root)
    {
        if (!top.TryGetValue("checks", out var node))
        {
            throw reader.Error(root, "missing key 'checks': list the graded checks (id, title, points, task, hint)");
        }

        if (node is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            throw reader.Error(node, "checks must be a non-empty list of mappings with id, title, points, task, hint");
        }

        var checks = new List<CheckSpec>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in sequence.Children)
        {
            var map = reader.Map(reader.AsMapping(item, "each check"), CheckKeys, "a check");
            var id = reader.RequiredString(map, item, "id");
            if (!IdPattern().IsMatch(id))
            {
                throw reader.Error(map["id"], $"check id '{id}' must be lower-case letters, digits and '-' (e.g. missing-user-id)");
            }

            if (!ids.Add(id))
            {
                throw reader.Error(map["id"], $"duplicate check id '{id}': every check needs its own id");
            }

            var points = reader.OptionalInt(map, "points") ?? 1;
            if (points < 0)
            {
                throw reader.Error(map["points"], $"points must be 0 or more, got {points}");
            }

            var task = reader.OptionalInt(map, "task") ?? 1;
            if (task < 1)
            {
                throw reader.Error(map["task"], $"task must be 1 or more (the README task number), got {task}");
            }

            checks.Add(new CheckSpec(id, reader.RequiredString(map, item, "title"), points, task, reader.OptionalString(map, "hint") ?? "", (int)item.Start.Line));
        }

        return checks;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    private sealed class Reader(string path)
    {
        public ExerciseFormatException Error(YamlNode node, string message) =>
            new($"{path}:{node.Start.Line}:{node.Start.Column}: error: {message}");

        public IReadOnlyDictionary<string, YamlNode> Map(YamlMappingNode node, string[] allowed, string where)
        {
            var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (keyNode, value) in node.Children)
            {
                var key = Scalar(keyNode, "key");
                if (!allowed.Contains(key, StringComparer.Ordinal))
                {
                    var near = allowed.FirstOrDefault(a => string.Equals(a, key, StringComparison.OrdinalIgnoreCase));
                    var suggestion = near is not null ? $" (did you mean '{near}'?)" : "";
                    throw Error(keyNode, $"unknown key '{key}' in {where}{suggestion}; allowed keys: {string.Join(", ", allowed)}");
                }

                if (!result.TryAdd(key, value))
                {
                    throw Error(keyNode, $"duplicate key '{key}' in {where}");
                }
            }

            return result;
        }

        public YamlMappingNode AsMapping(YamlNode node, string what) =>
            node as YamlMappingNode ?? throw Error(node, $"{what} must be a mapping (key: value lines, indented)");

        public YamlMappingNode RequiredMapping(IReadOnlyDictionary<string, YamlNode> map, YamlNode parent, string key) =>
            map.TryGetValue(key, out var node) ? AsMapping(node, key) : throw Error(parent, $"missing key '{key}'");

        public string Scalar(YamlNode node, string what) =>
            node is YamlScalarNode { Value: { } value } ? value : throw Error(node, $"{what} must be a single value, not a list or mapping");

        public string RequiredString(IReadOnlyDictionary<string, YamlNode> map, YamlNode parent, string key)
        {
            if (!map.TryGetValue(key, out var node))
            {
                throw Error(parent, $"missing key '{key}'");
            }

            var value = Scalar(node, key);
            return value.Trim().Length == 0 ? throw Error(node, $"'{key}' must not be empty") : value;
        }

        public string? OptionalString(IReadOnlyDictionary<string, YamlNode> map, string key) =>
            map.TryGetValue(key, out var node) ? Scalar(node, key) : null;

        public int? OptionalInt(IReadOnlyDictionary<string, YamlNode> map, string key)
        {
            if (!map.TryGetValue(key, out var node))
            {
                return null;
            }

            var text = Scalar(node, key);
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Error(node, $"'{key}' must be a whole number, got '{text}'");
        }

        public double? OptionalDouble(IReadOnlyDictionary<string, YamlNode> map, string key)
        {
            if (!map.TryGetValue(key, out var node))
            {
                return null;
            }

            var text = Scalar(node, key);
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Error(node, $"'{key}' must be a number, got '{text}'");
        }

        public Dictionary<string, string> StringMap(YamlNode node, string what)
        {
            var mapping = AsMapping(node, what);
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in mapping.Children)
            {
                result[Scalar(key, $"a key of {what}")] = Scalar(value, $"the value of {what}.{Scalar(key, "key")}");
            }

            return result;
        }
    }
}
