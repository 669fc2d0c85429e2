using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Course.Grading.Exercises.Model;

/// <summary>
/// Trigger settings the learner owns (<c>trigger.learnerSettings: mapping.yaml</c> in exercise.yaml): a flat YAML map
/// beside the graded handler file overrides the exercise's <c>trigger.settings</c> for the keys it names. The file
/// looked for is <c>&lt;handler name&gt;.&lt;file&gt;</c> (e.g. <c>NoRetryLimit.mapping.yaml</c> for
/// <c>NoRetryLimit.cs</c>), then <c>&lt;file&gt;</c>, in the handler's folder; without either, the exercise's settings
/// stand. Only keys that exercise.yaml's <c>trigger.settings</c> lists may be set, so a typo is an error
/// (<c>file:line:col</c>, the allowed keys) instead of a silently ignored line.
/// </summary>
public static class LearnerSettings
{
    /// <summary>The exercise with the learner's settings file (if any) applied to its trigger.</summary>
    /// <param name="exercise">The exercise as exercise.yaml defines it.</param>
    /// <param name="handlerPath">The full path of the handler file being graded.</param>
    /// <param name="display">Turns a full path into the name used in messages.</param>
    /// <returns>The exercise to grade, and the settings file used (null when none).</returns>
    /// <exception cref="ExerciseFormatException">The settings file is malformed or names an unknown key.</exception>
    public static (ExerciseDefinition Exercise, string? File) Apply(ExerciseDefinition exercise, string handlerPath, Func<string, string> display)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(display);
        if (exercise.Trigger.LearnerSettingsFile is not { } name)
        {
            return (exercise, null);
        }

        var path = LearnerFile.Locate(handlerPath, name);
        if (!File.Exists(path))
        {
            return (exercise, null);
        }

        var shown = display(path);
        var merged = new Dictionary<string, string>(exercise.Trigger.Settings, StringComparer.Ordinal);
        foreach (var (key, value, node) in Read(File.ReadAllText(path), shown))
        {
            if (!exercise.Trigger.Settings.ContainsKey(key))
            {
                throw new ExerciseFormatException(
                    $"{shown}:{node.Start.Line}:{node.Start.Column}: error: unknown setting '{key}'; this exercise lets you set: {string.Join(", ", exercise.Trigger.Settings.Keys.Order(StringComparer.Ordinal))}");
            }

            merged[key] = value;
        }

        return (exercise with { Trigger = exercise.Trigger with { Settings = merged } }, path);
    }

    private static List<(string Key, string Value, YamlNode Node)> Read(string yaml, string shown)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new ExerciseFormatException($"{shown}:{e.Start.Line}:{e.Start.Column}: error: invalid YAML: {e.Message}", e);
        }

        if (stream.Documents.Count == 0)
        {
            return [];
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var node = stream.Documents[0].RootNode;
            throw new ExerciseFormatException($"{shown}:{node.Start.Line}:{node.Start.Column}: error: expected 'setting: value' lines");
        }

        var result = new List<(string, string, YamlNode)>();
        foreach (var (key, value) in root.Children)
        {
            if (key is not YamlScalarNode { Value: { } k } || value is not YamlScalarNode { Value: { } v })
            {
                throw new ExerciseFormatException($"{shown}:{key.Start.Line}:{key.Start.Column}: error: each line must be 'setting: value' with a single value");
            }

            result.Add((k, v, key));
        }

        return result;
    }
}
