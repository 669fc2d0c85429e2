using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Course.Sandbox.Services.Wire;

/// <summary>
/// Registered with the SDK's <see cref="RuntimePipelineCustomizerRegistry"/> by
/// <see cref="SandboxHttpClientFactory.InstallAsDefault"/>: adds <see cref="AmbientFactoryHandler"/> to every
/// new service client's pipeline.
/// </summary>
internal sealed class SandboxPipelineCustomizer : IRuntimePipelineCustomizer
{
    public string UniqueName => "Course.Sandbox.SandboxHttpClientFactory";

    public void Customize(Type type, RuntimePipeline pipeline)
    {
        // Called as each service client is constructed: lets the engine tell INIT-phase clients from per-invoke ones.
        SimulationServices.OnClientCreated(type);
        pipeline.AddHandler(new AmbientFactoryHandler());
        // The SDK's retry back-off waits on the virtual clock (the SDK still decides what and how often to retry).
        if (pipeline.Handlers.OfType<RetryHandler>().FirstOrDefault() is { RetryPolicy: StandardRetryPolicy policy })
        {
            var dynamoDb = type.Name.Contains("DynamoDB", StringComparison.Ordinal);
            pipeline.ReplaceHandler<RetryHandler>(new RetryHandler(new VirtualRetryPolicy(policy.MaxRetries, dynamoDb)));
        }
    }

    /// <summary>Before a request, points a client with no HttpClientFactory at the ambient router.</summary>
    private sealed class AmbientFactoryHandler : PipelineHandler
    {
        public override void InvokeSync(IExecutionContext executionContext)
        {
            Point(executionContext);
            base.InvokeSync(executionContext);
        }

        public override Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            Point(executionContext);
            return base.InvokeAsync<T>(executionContext);
        }

        private static void Point(IExecutionContext executionContext)
        {
            if (executionContext.RequestContext.ClientConfig is ClientConfig { HttpClientFactory: null } config)
            {
                config.HttpClientFactory = AmbientRouter.Instance;
            }
        }
    }

    /// <summary>Creates HttpClients whose handler answers with <see cref="SandboxHttpClientFactory.Current"/> at send time.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The in-memory message handler holds no resources; it lives as long as the factory and the HttpClients share it.")]
    private sealed class AmbientRouter : HttpClientFactory
    {
        public static readonly AmbientRouter Instance = new();

        private readonly SandboxHttpMessageHandler _handler = new(() => SandboxHttpClientFactory.Current);

        public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
            SandboxHttpClientFactory.CreateHttpClient(_handler, clientConfig);
    }
}
