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

/// <summary>
/// Generates realistic sample events, like <c>sam local generate-event</c>, for API Gateway HTTP APIs, S3, SQS,
/// DynamoDB Streams, EventBridge and SNS. Ids come from a seeded <see cref="Random"/> and times from a
/// <see cref="TimeProvider"/>, so the same seed and clock give the same events.
/// </summary>
public sealed partial class EventGenerator
{
    /// <summary>The service names <see cref="GenerateJson(string)"/> accepts.</summary>
    public static readonly IReadOnlyList<string> Services = ["apigw", "s3", "sqs", "dynamodb", "eventbridge", "sns"];

    private static readonly DefaultLambdaJsonSerializer Serializer = new();
    private static readonly JsonSerializerOptions IndentedOptions = new(Serializer.Options) { WriteIndented = true };
    private readonly SeededIds _ids;
    private readonly TimeProvider _timeProvider;
    private readonly EventEnvelopeFactory _envelopes;
    private long _sequence;

    /// <summary>Creates a generator.</summary>
    /// <param name="random">The seeded source of ids.</param>
    /// <param name="timeProvider">The clock for event times.</param>
    /// <param name="account">The account id. The default is <c>123456789012</c>.</param>
    /// <param name="region">The region. The default is <c>us-east-1</c>.</param>
    public EventGenerator(Random random, TimeProvider timeProvider, string account = "123456789012", string region = "us-east-1")
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _ids = new SeededIds(random);
        _timeProvider = timeProvider;
        _envelopes = new EventEnvelopeFactory(random, timeProvider, account, region);
        Account = account;
        Region = region;
        lock (random)
        {
            _sequence = random.NextInt64(100_000_000_000_000, 900_000_000_000_000);
        }
    }

    /// <summary>The account id written into events.</summary>
    public string Account { get; }

    /// <summary>The region written into events.</summary>
    public string Region { get; }

    /// <summary>Generates the default event of <paramref name="service"/> as JSON.</summary>
    /// <param name="service">One of <see cref="Services"/>.</param>
    /// <returns>The event JSON, indented.</returns>
    /// <exception cref="ArgumentException">The service is unknown.</exception>
    public string GenerateJson(string service) => service switch
    {
        "apigw" => Serialize(ApiGatewayHttpApiV2()),
        "s3" => Serialize(S3()),
        "sqs" => Serialize(Sqs()),
        "dynamodb" => Serialize(DynamoDb()),
        "eventbridge" => Serialize(EventBridge()),
        "sns" => Serialize(Sns()),
        _ => throw new ArgumentException($"Unknown service \"{service}\"; use one of {string.Join(", ", Services)}.", nameof(service)),
    };

    /// <summary>Serialises an event as the Lambda runtime would, indented for reading.</summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <param name="evt">The event.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize<T>(T evt)
    {
        return JsonSerializer.Serialize(evt, IndentedOptions);
    }

    private string NextSequenceNumber() => (++_sequence).ToString(CultureInfo.InvariantCulture) + "000000";
}
