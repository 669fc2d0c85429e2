using Amazon.Runtime;

// Oblivious nullability, as in AWSSDK (not annotated): learner code compiles the same against both.
#nullable disable

namespace Course.Sandbox.Clients.StepFunctions.Model;

/// <summary>Details of a failed execution.</summary>
public sealed class ExecutionFailedEventDetails
{
    /// <summary>The error.</summary>
    public string Error { get; set; }

    /// <summary>The cause.</summary>
    public string Cause { get; set; }
}
