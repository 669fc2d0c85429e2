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
    /// <summary>An S3 notification with one record.</summary>
    /// <param name="options">What to put in it; null takes every default.</param>
    /// <returns>The S3 event.</returns>
    /// <exception cref="ArgumentException">The bucket or key is empty, or the size is negative.</exception>
    public S3Event S3(S3EventOptions? options = null)
    {
        options ??= new S3EventOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Bucket);
        ArgumentException.ThrowIfNullOrEmpty(options.Key);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Size);
        var principal = "AWS:AIDA" + _ids.Pick(SeededIds.Base64Alphabet, 17).ToUpperInvariant().Replace('+', 'X').Replace('/', 'Y');
        return new S3Event
        {
            Records =
            [
                new S3Event.S3EventNotificationRecord
                {
                    EventVersion = "2.1",
                    EventSource = "aws:s3",
                    AwsRegion = Region,
                    EventTime = _timeProvider.GetUtcNow().UtcDateTime,
                    EventName = options.EventName,
                    UserIdentity = new S3Event.UserIdentityEntity { PrincipalId = principal },
                    RequestParameters = new S3Event.RequestParametersEntity { SourceIPAddress = _ids.SourceIp() },
                    ResponseElements = new S3Event.ResponseElementsEntity
                    {
                        XAmzRequestId = _ids.Hex(16, upper: true),
                        XAmzId2 = _ids.Pick(SeededIds.Base64Alphabet, 76),
                    },
                    S3 = new S3Event.S3Entity
                    {
                        S3SchemaVersion = "1.0",
                        ConfigurationId = "lambda-trigger",
                        Bucket = new S3Event.S3BucketEntity
                        {
                            Name = options.Bucket,
                            OwnerIdentity = new S3Event.UserIdentityEntity { PrincipalId = _ids.Pick(SeededIds.Base64Alphabet, 14).ToUpperInvariant() },
                            Arn = $"arn:aws:s3:::{options.Bucket}",
                        },
                        Object = new S3Event.S3ObjectEntity
                        {
                            Key = Uri.EscapeDataString(options.Key).Replace("%20", "+", StringComparison.Ordinal).Replace("%2F", "/", StringComparison.Ordinal),
                            Size = options.Size,
                            ETag = _ids.Hex(32),
                            Sequencer = _ids.Hex(18, upper: true),
                        },
                    },
                },
            ],
        };
    }
}
