using Course.Sandbox.Services.Bedrock;
using Course.Sandbox.Services.S3;
using Course.Sandbox.Services.Sns;
using Course.Sandbox.Services.Sqs;
using Course.Sandbox.Services.Wire;

namespace Course.Sandbox.Clients;

/// <summary>
/// The services of one running simulation, as the sandbox clients (e.g. <c>AmazonSimpleNotificationServiceClient</c>)
/// find them through <see cref="SandboxAmbient.Current"/>. The engine host fills it; a null service means the
/// simulation does not have it.
/// </summary>
public sealed class SandboxServiceRegistry
{
    /// <summary>The simulation's S3, or null.</summary>
    public S3Service? S3 { get; init; }

    /// <summary>The simulation's SQS, or null.</summary>
    public SqsService? Sqs { get; init; }

    /// <summary>The simulation's SNS, or null.</summary>
    public SnsService? Sns { get; init; }

    /// <summary>The simulation's Bedrock Runtime, or null.</summary>
    public BedrockService? Bedrock { get; init; }

    /// <summary>The simulation's EventBridge, or null.</summary>
    public Services.EventBridge.EventBridgeService? EventBridge { get; init; }

    /// <summary>The simulation's Step Functions, or null.</summary>
    public global::Course.Sandbox.StepFunctions.Executions.StepFunctionsService? StepFunctions { get; init; }

    /// <summary>Receives the calls the sandbox clients make (as the wire endpoints report theirs), or null.</summary>
    public IServiceCallObserver? Observer { get; init; }

    /// <summary>The simulation's service endpoint (deadline, faults, latency, trace), or null outside a simulation.</summary>
    public Services.Endpoint.ServiceEndpoint? Endpoint { get; init; }
}
