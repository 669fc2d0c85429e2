using System.Text.Json.Nodes;
using Course.Sandbox.StepFunctions.Paths;

namespace Course.Sandbox.StepFunctions.Intrinsics;

/// <summary>A parsed intrinsic argument: a literal, a path, or a nested call.</summary>
internal abstract class IntrinsicExpression
{
    /// <summary>Evaluates the expression against the state's data.</summary>
    public abstract JsonNode? Evaluate(PathScope scope, IntrinsicContext context);
}

/// <summary>A string, number, boolean or null literal.</summary>
internal sealed class LiteralArgument(JsonNode? value) : IntrinsicExpression
{
    public override JsonNode? Evaluate(PathScope scope, IntrinsicContext context) => JsonValues.Copy(value);
}

/// <summary>A single-quoted string literal: its value, and its text with the escapes kept (States.Format needs to tell <c>\{</c> from <c>{</c>).</summary>
internal sealed class StringLiteralArgument(string value, string raw) : IntrinsicExpression
{
    public string Raw { get; } = raw;

    public override JsonNode? Evaluate(PathScope scope, IntrinsicContext context) => JsonValue.Create(value);
}

/// <summary>A <c>$</c>, <c>$$</c> or <c>$variable</c> path.</summary>
internal sealed class PathArgument(JsonPath path) : IntrinsicExpression
{
    public override JsonNode? Evaluate(PathScope scope, IntrinsicContext context)
    {
        if (path.TryEvaluate(scope.Start(path), out var value))
        {
            return value;
        }
        throw new StatesException(StatesErrors.Runtime, $"The JSONPath '{path.Text}' could not be found in the input '{JsonValues.Text(scope.Start(path))}'");
    }
}

/// <summary><c>States.Name(arg, …)</c>.</summary>
internal sealed class IntrinsicCall(string name, IReadOnlyList<IntrinsicExpression> arguments) : IntrinsicExpression
{
    public string Name { get; } = name;

    public IReadOnlyList<IntrinsicExpression> Arguments { get; } = arguments;

    public override JsonNode? Evaluate(PathScope scope, IntrinsicContext context)
    {
        var values = new List<JsonNode?>(Arguments.Count);
        foreach (var a in Arguments)
        {
            values.Add(a.Evaluate(scope, context));
        }
        var escapedTemplate = Name == "States.Format" && Arguments.Count > 0 && Arguments[0] is StringLiteralArgument literal;
        if (escapedTemplate)
        {
            values[0] = JsonValue.Create(((StringLiteralArgument)Arguments[0]).Raw);
        }
        return IntrinsicFunctions.Invoke(Name, values, context, escapedTemplate);
    }
}
