namespace Course.Sandbox.StepFunctions.Definition;

/// <summary>
/// One reason a definition is invalid, as ValidateStateMachineDefinition reports it: a code
/// (<c>SCHEMA_VALIDATION_FAILED</c>, <c>MISSING_TRANSITION_TARGET</c>, <c>MISSING_END_STATE</c>, …), a message and a
/// location (a JSON pointer such as <c>/States/Pass/Next</c>, or <see langword="null"/>).
/// </summary>
public sealed record DefinitionDiagnostic(string Code, string Message, string? Location)
{
    /// <summary>The diagnostic as CreateStateMachine words it: <c>CODE: message at /location</c>.</summary>
    public override string ToString() => Location is null ? $"{Code}: {Message}" : $"{Code}: {Message} at {Location}";
}
