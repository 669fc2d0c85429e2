using Course.Sandbox.StepFunctions.Definition;

namespace Course.Sandbox.StepFunctions.Executions;

/// <summary>A created state machine: its name, ARN, workflow type and validated definition.</summary>
public sealed class StateMachine
{
    internal StateMachine(string name, string arn, WorkflowType type, StateMachineDefinition definition, string definitionText)
    {
        Name = name;
        Arn = arn;
        Type = type;
        Definition = definition;
        DefinitionText = definitionText;
    }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary><c>arn:aws:states:region:account:stateMachine:name</c>.</summary>
    public string Arn { get; }

    /// <summary>Standard or Express.</summary>
    public WorkflowType Type { get; }

    /// <summary>The parsed definition.</summary>
    public StateMachineDefinition Definition { get; }

    /// <summary>The definition as given.</summary>
    public string DefinitionText { get; }

    /// <summary>The role executions run as (a fixed sandbox role).</summary>
    public string RoleArn { get; internal init; } = "";
}
