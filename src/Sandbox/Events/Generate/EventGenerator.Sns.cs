using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Course.Lambda.APIGatewayEvents;
using Course.Lambda.CloudWatchEvents;
using Course.Lambda.DynamoDBEvents;
using Course.Lambda.S3Events;
using Course.Lambda.Serialization.SystemTextJson;
using Course.Lambda.SNSEvents;
using Course.Lambda.SQSEvents;
using Course.Sandbox.Services.EventBridge;
using Course.Sandbox.Time;

namespace Course.Sandbox.Events.Generate;

public sealed partial class EventGenerator
{
    /// <summary>An SNS notification with one record.</summary>
    /// <param name="options">What to put in it; null takes every default.</param>
    /// <returns>The SNS event.</returns>
    /// <exception cref="ArgumentException">The topic name is empty.</exception>
    public SNSEvent Sns(SnsEventOptions? options = null)
    {
        options ??= new SnsEventOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(options.TopicName);
        var topicArn = $"arn:aws:sns:{Region}:{Account}:{options.TopicName}";
        var subscriptionArn = $"{topicArn}:{_ids.Uuid()}";
        return new SNSEvent
        {
            Records =
            [
                new SNSEvent.SNSRecord
                {
                    EventSource = "aws:sns",
                    EventVersion = "1.0",
                    EventSubscriptionArn = subscriptionArn,
                    Sns = new SNSEvent.SNSMessage
                    {
                        Type = "Notification",
                        MessageId = _ids.Uuid(),
                        TopicArn = topicArn,
                        Subject = options.Subject,
                        Message = options.Message,
                        Timestamp = _timeProvider.GetUtcNow().UtcDateTime,
                        SignatureVersion = "1",
                        Signature = _ids.Pick(SeededIds.Base64Alphabet, 344),
                        SigningCertUrl = $"https://sns.{Region}.amazonaws.com/SimpleNotificationService-{_ids.Hex(32)}.pem",
                        UnsubscribeUrl = $"https://sns.{Region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn={subscriptionArn}",
                        MessageAttributes = options.MessageAttributes.ToDictionary(
                            a => a.Key, a => new SNSEvent.MessageAttribute { Type = "String", Value = a.Value }),
                    },
                },
            ],
        };
    }
}
