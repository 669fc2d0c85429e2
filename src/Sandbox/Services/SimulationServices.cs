using Course.Sandbox.Clients;
using Course.Sandbox.Environments;
using Course.Sandbox.Hosting;
using Course.Sandbox.Observability;
using Course.Sandbox.Services.Bedrock;
using Course.Sandbox.Services.DynamoDb;
using Course.Sandbox.Services.Faults;
using Course.Sandbox.Services.S3;
using Course.Sandbox.Services.Sns;
using Course.Sandbox.Services.Sqs;
using Course.Sandbox.Services.Wire;

namespace Course.Sandbox.Services;

/// <summary>
/// The AWS services of one simulation, on its clock and seed, and the bridge that lets handler code reach them with
/// the real AWS SDK (<c>new AmazonDynamoDBClient()</c>) or the sandbox clients (SNS): every call is answered in
/// process, adds its modelled latency to the calling invocation, and is recorded in the trace.
/// </summary>
public sealed class SimulationServices
{
    private readonly Simulation _sim;
    private readonly Lazy<SandboxHttpClientFactory> _sdk;
    private readonly Lazy<SandboxServiceRegistry> _registry;

    internal SimulationServices(Simulation simulation)
    {
        _sim = simulation;
        var o = simulation.Options;
        Endpoint = new Endpoint.ServiceEndpoint(simulation);
        Sqs = new SqsService(simulation.Time, simulation.Random, o.Region, o.AccountId);
        Sns = new SnsService(simulation.Time, simulation.Random, Sqs, o.Region, o.AccountId);
        S3 = new S3Service(simulation.Time, simulation.Random, o.Region, Sqs, Sns);
        S3Faults = new FaultInjector(new Random(o.Seed ^ 0x53));
        SqsFaults = new FaultInjector(new Random(o.Seed ^ 0x5135));
        DynamoDb = new DynamoDbService(simulation.Time, new DynamoDbServiceOptions { Region = o.Region, AccountId = o.AccountId });
        DynamoDbFaults = new FaultInjector(new Random(o.Seed ^ 0x5eed));
        Bedrock = new BedrockService(simulation.Time, simulation.Random, faults: new FaultInjector(new Random(o.Seed ^ 0xbed)));
        EventBridge = new Course.Sandbox.Services.EventBridge.EventBridgeService(simulation, Sqs, Sns);
        S3Notifications = new Sources.S3.S3NotificationSource(simulation, S3);
        SnsLambda = new Sources.Sns.SnsLambdaSource(simulation, Sns, Sqs);
        Endpoint.UseFaults("s3", S3Faults);
        Endpoint.UseFaults("sqs", SqsFaults);
        Endpoint.UseFaults("dynamodb", DynamoDbFaults);
        Endpoint.UseFaults("bedrock", Bedrock.Faults);
        _sdk = new Lazy<SandboxHttpClientFactory>(() =>
        {
            SandboxHttpClientFactory.InstallAsDefault();
            return new SandboxHttpClientFactory(
                new S3WireService(S3, S3Faults, Endpoint),
                new SqsWireService(Sqs, SqsFaults, Endpoint),
                new DynamoDbWireService(DynamoDb, DynamoDbFaults, Endpoint));
        });
        _registry = new Lazy<SandboxServiceRegistry>(() => new SandboxServiceRegistry
        {
            S3 = S3, Sqs = Sqs, Sns = Sns, Bedrock = Bedrock, EventBridge = EventBridge,
            StepFunctions = Course.Sandbox.StepFunctions.SimulationStepFunctions.For(simulation), Observer = Endpoint, Endpoint = Endpoint,
            Sdk = Sdk,
        });
    }

    /// <summary>Amazon S3.</summary>
    public S3Service S3 { get; }

    /// <summary>Amazon SQS.</summary>
    public SqsService Sqs { get; }

    /// <summary>Amazon SNS.</summary>
    public SnsService Sns { get; }

    /// <summary>Amazon EventBridge: buses, rules, targets and the Scheduler.</summary>
    public Course.Sandbox.Services.EventBridge.EventBridgeService EventBridge { get; }

    /// <summary>S3 → Lambda notification delivery (S3_01).</summary>
    public Sources.S3.S3NotificationSource S3Notifications { get; }

    /// <summary>SNS → Lambda delivery with SNS's delivery policy (SNS_01).</summary>
    public Sources.Sns.SnsLambdaSource SnsLambda { get; }

    /// <summary>Amazon DynamoDB (with Streams).</summary>
    public DynamoDbService DynamoDb { get; }

    /// <summary>Amazon Bedrock Runtime (deterministic Claude models; its injected faults are <c>Bedrock.Faults</c>).</summary>
    public BedrockService Bedrock { get; }

    /// <summary>Faults injected into DynamoDB calls (throttling, errors, latency), drawn from the simulation's seed.</summary>
    public FaultInjector DynamoDbFaults { get; }

    /// <summary>Faults injected into S3 calls (SlowDown, InternalError, latency), drawn from the simulation's seed.</summary>
    public FaultInjector S3Faults { get; }

    /// <summary>Faults injected into SQS calls (RequestThrottled, InternalError, latency), drawn from the simulation's seed.</summary>
    public FaultInjector SqsFaults { get; }

    /// <summary>The SDK router: give it to a client explicitly (<c>HttpClientFactory = sim.Services.Sdk</c>) outside handlers.</summary>
    public SandboxHttpClientFactory Sdk => _sdk.Value;

    /// <summary>The one pipeline every handler→service call crosses (deadline, faults, latency, trace).</summary>
    public Endpoint.ServiceEndpoint Endpoint { get; }

    /// <summary>Every service call answered, in order.</summary>
    public IReadOnlyList<ServiceCall> Calls => Endpoint.Calls;

    /// <summary>
    /// Makes these services the ones that SDK clients and sandbox clients created with no arguments reach, on the
    /// calling flow, and leaves them so: one ambient value (<see cref="SandboxAmbient.Current"/>, which carries the SDK
    /// router too). The engine calls it before every INIT and invocation; it writes the ambient value only when
    /// another simulation's was current.
    /// </summary>
    internal void Attach()
    {
        if (!ReferenceEquals(SandboxAmbient.Current, _registry.Value))
        {
            SandboxAmbient.Current = _registry.Value;
        }
    }

    /// <summary>Records that handler code constructed an SDK client (called from the SDK pipeline customizer).</summary>
    internal static void OnClientCreated(Type clientType)
    {
        var scope = InvocationScope.Current;
        if (scope?.Environment is not { } env)
        {
            return;
        }
        var service = clientType.Name.Replace("Amazon", "", StringComparison.Ordinal).Replace("Client", "", StringComparison.Ordinal).ToLowerInvariant();
        env.ClientsCreated.Add(new ClientCreation(service, scope.IsInit ? "INIT" : "INVOKE", scope.RequestId, scope.Now));
        scope.AddQuietly(scope.ClientSetupCost);
    }
}
