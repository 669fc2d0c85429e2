using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Course.Sandbox.Services.Wire;

/// <summary>
/// Routes the real AWS SDK for .NET to the sandbox's services, in process: the <see cref="HttpClient"/>s it
/// creates never open a socket; their handler hands each request to the registered <see cref="IWireService"/>
/// for the request's service (read from the SigV4 credential scope, else <c>X-Amz-Target</c>, else the host).
/// <para>Use it explicitly: <c>new AmazonDynamoDBClient(new AmazonDynamoDBConfig { HttpClientFactory = factory })</c>.</para>
/// <para>
/// Or make it the default for clients created with no arguments (<c>new AmazonDynamoDBClient()</c>, as learner
/// code does): call <see cref="InstallAsDefault"/> once per process and <see cref="Activate"/> around the code that
/// runs in a simulation. How: AWSSDK.Core 4.1.0 has no global <c>AWSConfigs.HttpClientFactory</c>, but it does
/// have <c>RuntimePipelineCustomizerRegistry</c>, applied to every service client as it is constructed.
/// The registered customizer adds an outermost pipeline handler that, before the client's first request, sets
/// the client's <c>ClientConfig.HttpClientFactory</c> (when the caller left it null) to a router that sends each
/// request to the <see cref="Current"/> factory of the calling async flow. The SDK reads the factory only when it
/// creates its first <see cref="HttpClient"/>, so this is in time. The rejected alternative,
/// <c>AWS_ENDPOINT_URL</c> plus a loopback HTTP listener, would use real sockets, process-wide environment
/// variables and a port, and could not tell parallel simulations apart.
/// </para>
/// Region and credentials still come from the SDK's usual sources (<c>AWS_REGION</c>, <c>AWS_ACCESS_KEY_ID</c>,
/// <c>AWS_SECRET_ACCESS_KEY</c>, as on Lambda); any values work, nothing checks them.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The in-memory message handler holds no resources; it lives as long as the factory and the HttpClients share it.")]
public sealed class SandboxHttpClientFactory : HttpClientFactory
{
    private readonly Dictionary<string, IWireService> _services = new(StringComparer.Ordinal);
    private readonly HttpMessageHandler _handler;

    /// <summary>Creates a factory answering with the given services (more can be added with <see cref="Register"/>).</summary>
    public SandboxHttpClientFactory(params IEnumerable<IWireService> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _handler = new SandboxHttpMessageHandler(() => this);
        foreach (var service in services)
        {
            Register(service);
        }
    }

    /// <summary>When set, every request from handler code is authorised by it before its service sees it (IAM_01).</summary>
    internal Iam.Wire.IWireAuthorizer? WireAuthorizer { get; set; }

    /// <summary>
    /// The factory of the simulation running on this async flow (or made current by <see cref="Activate"/>); null
    /// outside any. It is read from the one ambient value, <see cref="Clients.SandboxAmbient.Current"/>.
    /// </summary>
    public static SandboxHttpClientFactory? Current => Clients.SandboxAmbient.Current?.Sdk;

    /// <summary>The ids of the registered services.</summary>
    public IReadOnlyCollection<string> ServiceIds
    {
        get
        {
            lock (_services)
            {
                return [.. _services.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Adds (or replaces) the service answering for <see cref="IWireService.ServiceId"/>.</summary>
    public void Register(IWireService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (_services)
        {
            _services[service.ServiceId] = service;
        }
    }

    /// <summary>The registered service with that id, or null.</summary>
    public IWireService? Find(string serviceId)
    {
        lock (_services)
        {
            return _services.GetValueOrDefault(serviceId);
        }
    }

    /// <inheritdoc/>
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => CreateHttpClient(_handler, clientConfig);

    internal static HttpClient CreateHttpClient(HttpMessageHandler handler, IClientConfig? clientConfig) =>
        new(handler, disposeHandler: false) { Timeout = clientConfig?.Timeout ?? TimeSpan.FromSeconds(100) };

    /// <summary>
    /// Makes this factory <see cref="Current"/> for the calling async flow (and the tasks it starts) until the
    /// returned scope is disposed, which restores the previous one.
    /// </summary>
    public IDisposable Activate() =>
        Clients.SandboxAmbient.Use((Clients.SandboxAmbient.Current ?? new Clients.SandboxServiceRegistry()).WithSdk(this));

    /// <summary>
    /// Hooks the AWS SDK once per process (later calls do nothing): every SDK client constructed afterwards
    /// without its own <c>HttpClientFactory</c> sends its requests to <see cref="Current"/>. A request sent with no
    /// current factory fails with <see cref="InvalidOperationException"/> instead of going to the network.
    /// </summary>
    public static void InstallAsDefault() => RuntimePipelineCustomizerRegistry.Instance.Register(new SandboxPipelineCustomizer());
}
