namespace Course.Sandbox.StepFunctions.Definition;

/// <summary>One Catch rule (catalogue row SFN_06): which errors it handles, the state to go to, and where the error output goes.</summary>
public sealed record CatchPolicy
{
    /// <summary>The error names this rule handles.</summary>
    public required IReadOnlyList<string> ErrorEquals { get; init; }

    /// <summary>The state to go to.</summary>
    public required string Next { get; init; }

    /// <summary>Where <c>{"Error", "Cause"}</c> goes in the state's raw input; default <c>$</c> (replaces it); null discards it.</summary>
    public OptionalPath ResultPath { get; init; } = OptionalPath.Root;

    /// <summary>Variables to set when the rule is taken (evaluated against the error output).</summary>
    public System.Text.Json.Nodes.JsonObject? Assign { get; init; }
}
