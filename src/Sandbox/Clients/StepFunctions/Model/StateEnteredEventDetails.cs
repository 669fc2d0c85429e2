using Amazon.Runtime;

// Oblivious nullability, as in AWSSDK (not annotated): learner code compiles the same against both.
#nullable disable

namespace Course.Sandbox.Clients.StepFunctions.Model;

/// <summary>Details of a state entered.</summary>
public sealed class StateEnteredEventDetails
{
    /// <summary>The state name.</summary>
    public string Name { get; set; }

    /// <summary>The state input (JSON).</summary>
    public string Input { get; set; }
}
