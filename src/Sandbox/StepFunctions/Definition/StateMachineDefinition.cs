namespace Course.Sandbox.StepFunctions.Definition;

/// <summary>
/// A parsed and validated state machine (or a Parallel branch, or a Map's ItemProcessor): where it starts and its
/// states, in the order written. Build one with <see cref="Parse"/>, which rejects an invalid definition as AWS does.
/// </summary>
public sealed class StateMachineDefinition
{
    internal StateMachineDefinition(string startAt, IReadOnlyDictionary<string, StateDefinition> states, int? timeoutSeconds, string? comment)
    {
        StartAt = startAt;
        States = states;
        TimeoutSeconds = timeoutSeconds;
        Comment = comment;
    }

    /// <summary>The first state's name.</summary>
    public string StartAt { get; }

    /// <summary>The states by name.</summary>
    public IReadOnlyDictionary<string, StateDefinition> States { get; }

    /// <summary>The execution's time limit in seconds (top level only), or <see langword="null"/>.</summary>
    public int? TimeoutSeconds { get; }

    /// <summary>The definition's comment.</summary>
    public string? Comment { get; }

    /// <summary>Parses and validates ASL JSON text.</summary>
    /// <exception cref="InvalidDefinitionException">The definition is invalid; every reason is listed.</exception>
    public static StateMachineDefinition Parse(string json)
    {
        var (definition, diagnostics) = DefinitionParser.Parse(json);
        if (diagnostics.Count > 0)
        {
            throw new InvalidDefinitionException(diagnostics);
        }
        return definition!;
    }

    /// <summary>Validates ASL JSON text; an empty list means valid (ValidateStateMachineDefinition's <c>OK</c>).</summary>
    public static IReadOnlyList<DefinitionDiagnostic> Validate(string json) => DefinitionParser.Parse(json).Diagnostics;
}
