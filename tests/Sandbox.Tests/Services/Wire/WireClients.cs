using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;
using Course.Sandbox.Services.Wire;

namespace Course.Sandbox.Tests.Services.Wire;

/// <summary>Real AWS SDK clients whose HTTP goes to an in-process <see cref="IWireService"/> (never the network).</summary>
internal static class WireClients
{
    private static readonly BasicAWSCredentials Credentials = new("test", "test");

    public static AmazonSQSClient Sqs(IWireService service) => new(Credentials, new AmazonSQSConfig
    {
        ServiceURL = "http://sqs.sandbox.local",
        AuthenticationRegion = "us-east-1",
        HttpClientFactory = new Factory(service),
        MaxErrorRetry = 0,
    });

    public static AmazonS3Client S3(IWireService service, bool forcePathStyle = true) => new(Credentials, new AmazonS3Config
    {
        ServiceURL = "http://s3.sandbox.local",
        AuthenticationRegion = "us-east-1",
        ForcePathStyle = forcePathStyle,
        HttpClientFactory = new Factory(service),
        MaxErrorRetry = 0,
    });

    private sealed class Factory(IWireService service) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new Handler(service));

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;
    }

    private sealed class Handler(IWireService service) : HttpMessageHandler
    {
        public List<string> Seen { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is not { Host: var host } || !host.EndsWith(".sandbox.local", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("Test tried to reach " + request.RequestUri);
            }

            return service.HandleAsync(request, cancellationToken);
        }
    }
}
