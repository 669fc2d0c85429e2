using System.Text.Json.Nodes;

namespace Course.Sandbox.StepFunctions.Definition;

/// <summary>
/// A Choice rule (catalogue row SFN_04): a comparison (<see cref="Variable"/>, <see cref="Operator"/>,
/// <see cref="Operand"/>), or a combination (<c>And</c>/<c>Or</c> over <see cref="Rules"/>, <c>Not</c> over one).
/// Top-level rules carry <see cref="Next"/>.
/// </summary>
public sealed record ChoiceRule
{
    /// <summary>The comparison operator (<c>StringEquals</c>, <c>NumericLessThanPath</c>, <c>IsPresent</c>, …) or <c>And</c>, <c>Or</c>, <c>Not</c>.</summary>
    public required string Operator { get; init; }

    /// <summary>The path of the value compared; null for And/Or/Not.</summary>
    public string? Variable { get; init; }

    /// <summary>The value compared with (a literal, or a path for the <c>…Path</c> operators).</summary>
    public JsonNode? Operand { get; init; }

    /// <summary>The nested rules of And, Or and Not.</summary>
    public IReadOnlyList<ChoiceRule> Rules { get; init; } = [];

    /// <summary>The state to go to when a top-level rule matches.</summary>
    public string? Next { get; init; }

    /// <summary>Variables to set when this rule is taken.</summary>
    public JsonObject? Assign { get; init; }
}
