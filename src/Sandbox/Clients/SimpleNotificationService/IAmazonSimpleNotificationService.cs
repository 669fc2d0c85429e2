using Course.Sandbox.Clients.SimpleNotificationService.Model;

namespace Course.Sandbox.Clients.SimpleNotificationService;

/// <summary>The SNS operations the sandbox models, with the names and shapes of
/// <c>Amazon.SimpleNotificationService.IAmazonSimpleNotificationService</c>.</summary>
public interface IAmazonSimpleNotificationService : IDisposable
{
    /// <summary>Creates a topic (idempotent by name).</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The topic ARN.</returns>
    Task<CreateTopicResponse> CreateTopicAsync(CreateTopicRequest request, CancellationToken cancellationToken = default);

    /// <summary>Creates a topic by name.</summary>
    /// <param name="name">The topic name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The topic ARN.</returns>
    Task<CreateTopicResponse> CreateTopicAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Subscribes an endpoint to a topic.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription ARN.</returns>
    Task<SubscribeResponse> SubscribeAsync(SubscribeRequest request, CancellationToken cancellationToken = default);

    /// <summary>Subscribes an endpoint to a topic.</summary>
    /// <param name="topicArn">The topic.</param>
    /// <param name="protocol"><c>sqs</c> or <c>lambda</c>.</param>
    /// <param name="endpoint">The queue or function ARN.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription ARN.</returns>
    Task<SubscribeResponse> SubscribeAsync(string topicArn, string protocol, string endpoint, CancellationToken cancellationToken = default);

    /// <summary>Publishes a message to a topic.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The message id.</returns>
    Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default);

    /// <summary>Publishes a message to a topic.</summary>
    /// <param name="topicArn">The topic.</param>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The message id.</returns>
    Task<PublishResponse> PublishAsync(string topicArn, string message, CancellationToken cancellationToken = default);

    /// <summary>Publishes a message with a subject to a topic.</summary>
    /// <param name="topicArn">The topic.</param>
    /// <param name="message">The message.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The message id.</returns>
    Task<PublishResponse> PublishAsync(string topicArn, string message, string subject, CancellationToken cancellationToken = default);
}
