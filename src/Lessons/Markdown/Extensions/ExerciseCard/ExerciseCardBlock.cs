using System.Text.RegularExpressions;
using Course.Lessons.Markdown.Directives;
using Markdig.Parsers;

namespace Course.Lessons.Markdown.Extensions.ExerciseCard;

/// <summary><c>:::exercise NN-slug</c>: a card pointing to a graded exercise, with an optional description.</summary>
internal sealed partial class ExerciseCardBlock(BlockParser parser) : DirectiveBlock(parser)
{
    /// <inheritdoc />
    public override string Name => "exercise";

    /// <summary>The exercise id (the folder name under exercises/).</summary>
    public string ExerciseId => Args.Split(' ', 2)[0];

    /// <inheritdoc />
    public override string? Validate() => IdPattern().IsMatch(ExerciseId)
        ? null
        : $"an exercise card needs the exercise folder name: write ':::exercise 05-sqs-batch' (found '{Args}')";

    [GeneratedRegex("^[0-9]{2}-[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
