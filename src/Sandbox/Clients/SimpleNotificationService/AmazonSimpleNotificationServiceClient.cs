using System.Net;
using Course.Sandbox.Clients.SimpleNotificationService.Model;
using Course.Sandbox.Services.Sns;
using Course.Sandbox.Services.Wire;

namespace Course.Sandbox.Clients.SimpleNotificationService;

/// <summary>
/// The sandbox's SNS client, named and shaped like <c>Amazon.SimpleNotificationService.AmazonSimpleNotificationServiceClient</c>
/// (AWSSDK.SimpleNotificationService), so learner code moves to AWS by changing the package and the usings
/// (<c>Course.Sandbox.Clients.SimpleNotificationService</c> → <c>Amazon.SimpleNotificationService</c>, and
/// <c>.Model</c> likewise). It talks to the simulation's <see cref="SnsService"/> found through
/// <see cref="SandboxAmbient.Current"/> at each call.
/// </summary>
/// <remarks>Modelled latency (reported to the registry's observer): Publish 20 ms, Subscribe and CreateTopic 50 ms.</remarks>
public sealed class AmazonSimpleNotificationServiceClient : IAmazonSimpleNotificationService
{
    private readonly SnsService? _sns;
    private readonly IServiceCallObserver? _observer;

    /// <summary>A client for the current simulation (<see cref="SandboxAmbient.Current"/>), as <c>new AmazonSimpleNotificationServiceClient()</c> on AWS.</summary>
    public AmazonSimpleNotificationServiceClient()
    {
    }

    /// <summary>A client bound to one SNS (for engine code and tests).</summary>
    /// <param name="sns">The sandbox SNS.</param>
    /// <param name="observer">Receives every call; null for none.</param>
    public AmazonSimpleNotificationServiceClient(SnsService sns, IServiceCallObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(sns);
        _sns = sns;
        _observer = observer;
    }

    /// <inheritdoc />
    public Task<CreateTopicResponse> CreateTopicAsync(CreateTopicRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Call("CreateTopic", sns => new CreateTopicResponse { TopicArn = sns.CreateTopic(request.Name!).Arn });
    }

    /// <inheritdoc />
    public Task<CreateTopicResponse> CreateTopicAsync(string name, CancellationToken cancellationToken = default) =>
        CreateTopicAsync(new CreateTopicRequest(name), cancellationToken);

    /// <inheritdoc />
    public Task<SubscribeResponse> SubscribeAsync(SubscribeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Call("Subscribe", sns =>
        {
            var raw = request.Attributes.TryGetValue("RawMessageDelivery", out var value) && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
            return new SubscribeResponse { SubscriptionArn = sns.Subscribe(request.TopicArn!, request.Protocol!, request.Endpoint!, raw).SubscriptionArn };
        });
    }

    /// <inheritdoc />
    public Task<SubscribeResponse> SubscribeAsync(string topicArn, string protocol, string endpoint, CancellationToken cancellationToken = default) =>
        SubscribeAsync(new SubscribeRequest(topicArn, protocol, endpoint), cancellationToken);

    /// <inheritdoc />
    public Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Call("Publish", ("sns:Publish", request.TopicArn ?? ""), sns =>
        {
            var attributes = request.MessageAttributes.ToDictionary(a => a.Key, a =>
            {
                if (string.IsNullOrEmpty(a.Value.DataType))
                {
                    throw SnsException.InvalidParameter("MessageAttributes." + a.Key, "The message attribute '" + a.Key + "' must contain a DataType.");
                }

                return new SnsMessageAttribute(a.Value.DataType, a.Value.StringValue, a.Value.BinaryValue?.ToArray());
            });
            var envelope = sns.Publish(request.TopicArn ?? request.TargetArn ?? string.Empty, request.Message ?? string.Empty, request.Subject, attributes);
            return new PublishResponse { MessageId = envelope.MessageId };
        });
    }

    /// <inheritdoc />
    public Task<PublishResponse> PublishAsync(string topicArn, string message, CancellationToken cancellationToken = default) =>
        PublishAsync(new PublishRequest(topicArn, message), cancellationToken);

    /// <inheritdoc />
    public Task<PublishResponse> PublishAsync(string topicArn, string message, string subject, CancellationToken cancellationToken = default) =>
        PublishAsync(new PublishRequest(topicArn, message, subject), cancellationToken);

    /// <summary>Nothing to release; present because the AWS client is disposable.</summary>
    public void Dispose()
    {
    }

    private Task<T> Call<T>(string operation, Func<SnsService, T> action)
        where T : Amazon.Runtime.AmazonWebServiceResponse => Call(operation, null, action);

    private Task<T> Call<T>(string operation, (string Action, string Resource)? iam, Func<SnsService, T> action)
        where T : Amazon.Runtime.AmazonWebServiceResponse
    {
        // IAM_01 (issue 11): a function with a role needs an Allow for the action on the topic.
        if (iam is { } check && Iam.Wire.SandboxClientAuthorization.Check("sns", operation, "AuthorizationError", check.Action, _ => check.Resource) is { } denied)
        {
            return Task.FromException<T>(new AmazonSimpleNotificationServiceException(denied.Message, "AuthorizationError", HttpStatusCode.Forbidden));
        }
        SnsService sns;
        IServiceCallObserver? observer;
        Services.Endpoint.ServiceEndpoint? endpoint = null;
        if (_sns is not null)
        {
            (sns, observer) = (_sns, _observer);
        }
        else
        {
            var registry = SandboxAmbient.Require(nameof(AmazonSimpleNotificationServiceClient));
            sns = registry.Sns ?? throw new InvalidOperationException("This simulation has no SNS: add it to the simulation's services before calling SNS.");
            observer = registry.Observer;
            endpoint = registry.Endpoint;
        }

        return Services.Endpoint.ServiceEndpoint.ThroughAsync(endpoint, "sns", operation, decision =>
        {
            var latency = TimeSpan.FromMilliseconds(operation == "Publish" ? 20 : 50) + decision.ExtraLatency;
            try
            {
                if (decision.Fails)
                {
                    throw decision.Kind == Services.Faults.FaultKind.Throttling
                        ? new SnsException("Throttled", "Rate exceeded")
                        : new SnsException("InternalError", "Request could not be completed due to an internal error.");
                }

                var response = action(sns);
                response.HttpStatusCode = HttpStatusCode.OK;
                observer?.OnCall(new ServiceCall("sns", operation, "Success", latency));
                return response;
            }
            catch (SnsException e)
            {
                observer?.OnCall(new ServiceCall("sns", operation, e.ErrorCode, latency));
                throw e.ErrorCode switch
                {
                    "NotFound" => new NotFoundException(e.Message),
                    "Throttled" => new ThrottledException(e.Message),
                    "InternalError" => new InternalErrorException(e.Message),
                    _ => (AmazonSimpleNotificationServiceException)new InvalidParameterException(e.Message),
                };
            }
        });
    }
}
