using Course.Sandbox.Services.Bedrock;
using Course.Sandbox.Services.S3;
using Course.Sandbox.Services.Sns;
using Course.Sandbox.Services.Sqs;
using Course.Sandbox.Services.Wire;

namespace Course.Sandbox.Clients;

/// <summary>
/// The services of one running simulation, as code running in it finds them through <see cref="SandboxAmbient.Current"/>,
/// the engine's one ambient lookup: the sandbox clients (e.g. <c>AmazonSimpleNotificationServiceClient</c>) read the
/// services, the real AWS SDK clients read <see cref="Sdk"/>. The engine host fills it; a null service means the
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

    /// <summary>The router the real AWS SDK clients send their requests to (<see cref="SandboxHttpClientFactory.Current"/>), or null.</summary>
    public SandboxHttpClientFactory? Sdk { get; init; }

    /// <summary>The same services with <paramref name="sdk"/> as the SDK router.</summary>
    internal SandboxServiceRegistry WithSdk(SandboxHttpClientFactory? sdk) => new()
    {
        S3 = S3, Sqs = Sqs, Sns = Sns, Bedrock = Bedrock, EventBridge = EventBridge, StepFunctions = StepFunctions,
        Observer = Observer, Endpoint = Endpoint, Sdk = sdk,
    };
}
