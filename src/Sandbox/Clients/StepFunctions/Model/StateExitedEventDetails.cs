using Amazon.Runtime;

// Oblivious nullability, as in AWSSDK (not annotated): learner code compiles the same against both.
#nullable disable

namespace Course.Sandbox.Clients.StepFunctions.Model;

/// <summary>Details of a state exited.</summary>
public sealed class StateExitedEventDetails
{
    /// <summary>The state name.</summary>
    public string Name { get; set; }

    /// <summary>The state output (JSON).</summary>
    public string Output { get; set; }
}
