namespace Course.Sandbox.StepFunctions.Definition;

/// <summary>
/// CreateStateMachine's <c>InvalidDefinition</c>: the message is AWS's
/// <c>Invalid State Machine Definition: 'CODE: message at /location, …'</c>, and <see cref="Diagnostics"/> lists each reason.
/// </summary>
public sealed class InvalidDefinitionException : Exception
{
    /// <summary>Creates the error from the validator's diagnostics.</summary>
    public InvalidDefinitionException(IReadOnlyList<DefinitionDiagnostic> diagnostics)
        : base($"Invalid State Machine Definition: '{string.Join(", ", diagnostics)}'")
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every reason, in the order AWS reports them.</summary>
    public IReadOnlyList<DefinitionDiagnostic> Diagnostics { get; }

    /// <summary>The AWS error code.</summary>
    public string ErrorCode => "InvalidDefinition";
}
