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
using Course.Sandbox.Services.Sqs;
using Course.Sandbox.Sources.Sqs;
using Course.Sandbox.Time;

namespace Course.Sandbox.Events.Generate;

public sealed partial class EventGenerator
{
    /// <summary>An SQS batch with one message per body.</summary>
    /// <param name="options">What to put in it; null takes every default.</param>
    /// <returns>The SQS event.</returns>
    /// <exception cref="ArgumentException">The queue name is empty or there are no bodies or more than 10,000.</exception>
    public SQSEvent Sqs(SqsEventOptions? options = null)
    {
        options ??= new SqsEventOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(options.QueueName);
        if (options.Bodies.Count is 0 or > 10_000)
        {
            throw new ArgumentException($"Bodies must hold 1 to 10,000 messages, got {options.Bodies.Count}.", nameof(options));
        }

        var fifo = options.QueueName.EndsWith(".fifo", StringComparison.Ordinal);
        var sent = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var senderId = "AIDA" + _ids.Pick(SeededIds.Base64Alphabet, 17).ToUpperInvariant().Replace('+', 'X').Replace('/', 'Y');
        var batch = new List<SqsReceivedMessage>();
        foreach (var body in options.Bodies)
        {
            var attributes = new Dictionary<string, string>
            {
                ["ApproximateReceiveCount"] = options.ApproximateReceiveCount.ToString(CultureInfo.InvariantCulture),
                ["SentTimestamp"] = sent.ToString(CultureInfo.InvariantCulture),
                ["SenderId"] = senderId,
                ["ApproximateFirstReceiveTimestamp"] = (sent + _ids.Between(1, 50)).ToString(CultureInfo.InvariantCulture),
            };
            if (fifo)
            {
                attributes["SequenceNumber"] = NextSequenceNumber();
                attributes["MessageGroupId"] = options.MessageGroupId;
                attributes["MessageDeduplicationId"] = Md5Hex(body);
            }

            var messageId = _ids.Uuid();
            var receiptHandle = "AQEB" + _ids.Pick(SeededIds.Base64Alphabet, 120);
            batch.Add(new SqsReceivedMessage(messageId, receiptHandle, body, Md5Hex(body), attributes,
                new Dictionary<string, SqsMessageAttribute>(), MD5OfMessageAttributes: null));
        }

        // The engine's one SQS event writer writes the records; the typed event is read back from its JSON.
        var json = new SqsEventWriter($"arn:aws:sqs:{Region}:{Account}:{options.QueueName}", Region).Write(batch);
        return JsonSerializer.Deserialize<SQSEvent>(json, Serializer.Options)!;
    }

    private static string Md5Hex(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
}
