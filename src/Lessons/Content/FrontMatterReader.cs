using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Course.Lessons.Content;

/// <summary>Reads and validates the YAML front matter of a lesson, reporting problems at file:line:col.</summary>
internal static partial class FrontMatterReader
{
    private const string Keys = "id, title, minutes, objectives, questions, keypoints, exercises, prerequisites";

    /// <summary>Parses <paramref name="yaml"/>, which starts on line <paramref name="firstLine"/> of <paramref name="file"/>.</summary>
    public static LessonFrontMatter Read(string file, string yaml, int firstLine)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            var inner = ex.InnerException?.Message ?? ex.Message;
            throw LessonFormatException.At(file, firstLine + (int)ex.Start.Line - 1, (int)ex.Start.Column,
                $"the front matter is not valid YAML: {inner.TrimEnd('.')}; check indentation and quote values that contain ':' or '#'");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw LessonFormatException.At(file, firstLine, 1, $"the front matter must be a YAML mapping with the keys {Keys}");
        }

        int Line(YamlNode node) => firstLine + (int)node.Start.Line - 1;
        LessonFormatException Error(YamlNode node, string problem) => LessonFormatException.At(file, Line(node), (int)node.Start.Column, problem);

        string? id = null, title = null;
        int? minutes = null;
        IReadOnlyList<string> objectives = [], questions = [], keypoints = [], exercises = [], prerequisites = [];
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            switch (key)
            {
                case "id":
                    id = Scalar(value, key);
                    if (!IdPattern().IsMatch(id))
                    {
                        throw Error(value, $"'id' must look like '01-what-is-serverless' (two digits, a dash, lower-case words joined by dashes), not '{id}'");
                    }

                    var stem = Path.GetFileNameWithoutExtension(file);
                    if (IdPattern().IsMatch(stem) && stem != id)
                    {
                        throw Error(value, $"'id' is '{id}' but the file is '{Path.GetFileName(file)}'; make them the same");
                    }

                    break;
                case "title":
                    title = Scalar(value, key);
                    break;
                case "minutes":
                    var text = Scalar(value, key);
                    if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m) || m < 1 || m > 240)
                    {
                        throw Error(value, $"'minutes' must be a whole number from 1 to 240, not '{text}'");
                    }

                    minutes = m;
                    break;
                case "objectives":
                    objectives = List(value, key);
                    break;
                case "questions":
                    questions = List(value, key);
                    break;
                case "keypoints":
                    keypoints = List(value, key);
                    break;
                case "exercises":
                    exercises = Ids(value, key);
                    break;
                case "prerequisites":
                    prerequisites = Ids(value, key);
                    break;
                default:
                    throw Error(keyNode, $"unknown front matter key '{key}'; the keys are {Keys}");
            }
        }

        LessonFormatException Missing(string key, string example) =>
            LessonFormatException.At(file, firstLine, 1, $"the front matter has no '{key}'; add a line like {example}");

        if (id is null)
        {
            throw Missing("id", "'id: 01-what-is-serverless'");
        }

        if (title is null || title.Length == 0)
        {
            throw Missing("title", "'title: What serverless is'");
        }

        if (minutes is null)
        {
            throw Missing("minutes", "'minutes: 30'");
        }

        if (objectives.Count == 0)
        {
            throw Missing("objectives", "'objectives: [\"Explain …\"]' (at least one)");
        }

        if (keypoints.Count == 0)
        {
            throw Missing("keypoints", "'keypoints: [\"…\"]' (at least one)");
        }

        return new LessonFrontMatter
        {
            Id = id,
            Title = title,
            Minutes = minutes.Value,
            Objectives = objectives,
            Questions = questions,
            KeyPoints = keypoints,
            Exercises = exercises,
            Prerequisites = prerequisites,
        };

        string Scalar(YamlNode node, string key) => node is YamlScalarNode { Value: { } v }
            ? v.Trim()
            : throw Error(node, $"'{key}' must be a single value, not a list or a mapping");

        IReadOnlyList<string> List(YamlNode node, string key)
        {
            if (node is not YamlSequenceNode seq)
            {
                throw Error(node, $"'{key}' must be a list: put each item on its own line starting with '- '");
            }

            var items = new List<string>();
            foreach (var item in seq.Children)
            {
                var v = item is YamlScalarNode { Value: { } s } ? s.Trim() : string.Empty;
                if (v.Length == 0)
                {
                    throw Error(item, $"each item of '{key}' must be non-empty text");
                }

                items.Add(v);
            }

            return items;
        }

        IReadOnlyList<string> Ids(YamlNode node, string key)
        {
            var items = List(node, key);
            for (var i = 0; i < items.Count; i++)
            {
                if (!IdPattern().IsMatch(items[i]))
                {
                    throw Error(((YamlSequenceNode)node).Children[i], $"each item of '{key}' must be an id like '05-sqs-batch', not '{items[i]}'");
                }
            }

            return items;
        }
    }

    [GeneratedRegex("^[0-9]{2}-[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
