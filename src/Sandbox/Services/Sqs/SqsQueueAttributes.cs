using System.Globalization;
using System.Text.Json;

namespace Course.Sandbox.Services.Sqs;

/// <summary>
/// A queue's settable attributes, validated once against AWS's limits when the queue is created.
/// Built from the string map <c>CreateQueue</c> takes (<see cref="Parse"/>), or directly in engine code.
/// </summary>
public sealed record SqsQueueAttributes
{
    /// <summary>How long a received message stays hidden. Default 30 s; 0–43,200 s (12 h).</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long SQS keeps a message. Default 4 days (345,600 s); 60 s – 14 days.</summary>
    public TimeSpan MessageRetentionPeriod { get; init; } = TimeSpan.FromDays(4);

    /// <summary>Delay applied to every new message. Default 0; 0–900 s.</summary>
    public TimeSpan DelaySeconds { get; init; } = TimeSpan.Zero;

    /// <summary>Default long-poll wait of <c>ReceiveMessage</c>. Default 0 (short polling); 0–20 s.</summary>
    public TimeSpan ReceiveMessageWaitTimeSeconds { get; init; } = TimeSpan.Zero;

    /// <summary>Largest accepted message in bytes. Default 1,048,576 (1 MiB, AWS's limit since August 2025); 1,024–1,048,576.</summary>
    public int MaximumMessageSize { get; init; } = 1_048_576;

    /// <summary>Dead-letter redrive; null (the default) keeps messages until they are deleted or expire.</summary>
    public SqsRedrivePolicy? RedrivePolicy { get; init; }

    /// <summary>True for a FIFO queue (its name must end in <c>.fifo</c>). Default false.</summary>
    public bool FifoQueue { get; init; }

    /// <summary>FIFO only: deduplicate on the SHA-256 of the body when no deduplication id is given. Default false.</summary>
    public bool ContentBasedDeduplication { get; init; }

    private static readonly HashSet<string> AcceptedUnmodelled = new(StringComparer.Ordinal)
    {
        "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled", "Policy",
        "DeduplicationScope", "FifoThroughputLimit", "RedriveAllowPolicy",
    };

    /// <summary>
    /// Validates and converts the <c>Attributes</c> map of <c>CreateQueue</c>.
    /// </summary>
    /// <param name="attributes">Attribute names and string values, as the SQS API takes them; null for defaults.</param>
    /// <returns>The validated attributes.</returns>
    /// <exception cref="SqsException"><c>InvalidAttributeName</c> or <c>InvalidAttributeValue</c>, naming the attribute and its allowed range.</exception>
    public static SqsQueueAttributes Parse(IReadOnlyDictionary<string, string>? attributes)
    {
        var result = new SqsQueueAttributes();
        if (attributes is null)
        {
            return result;
        }

        foreach (var (name, value) in attributes)
        {
            result = name switch
            {
                "VisibilityTimeout" => result with { VisibilityTimeout = Seconds(name, value, 0, 43_200) },
                "MessageRetentionPeriod" => result with { MessageRetentionPeriod = Seconds(name, value, 60, 1_209_600) },
                "DelaySeconds" => result with { DelaySeconds = Seconds(name, value, 0, 900) },
                "ReceiveMessageWaitTimeSeconds" => result with { ReceiveMessageWaitTimeSeconds = Seconds(name, value, 0, 20) },
                "MaximumMessageSize" => result with { MaximumMessageSize = Int(name, value, 1_024, 1_048_576) },
                "RedrivePolicy" => result with { RedrivePolicy = ParseRedrive(value) },
                "FifoQueue" => result with { FifoQueue = Bool(name, value) },
                "ContentBasedDeduplication" => result with { ContentBasedDeduplication = Bool(name, value) },
                _ when AcceptedUnmodelled.Contains(name) => result,
                _ => throw new SqsException("InvalidAttributeName", $"Unknown Attribute {name}."),
            };
        }

        return result;
    }

    /// <summary>The attributes as <c>GetQueueAttributes</c> reports them (string values).</summary>
    /// <returns>Name → value.</returns>
    public IReadOnlyDictionary<string, string> ToDictionary()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["VisibilityTimeout"] = S(VisibilityTimeout),
            ["MessageRetentionPeriod"] = S(MessageRetentionPeriod),
            ["DelaySeconds"] = S(DelaySeconds),
            ["ReceiveMessageWaitTimeSeconds"] = S(ReceiveMessageWaitTimeSeconds),
            ["MaximumMessageSize"] = MaximumMessageSize.ToString(CultureInfo.InvariantCulture),
            ["SqsManagedSseEnabled"] = "true",
        };
        if (RedrivePolicy is not null)
        {
            map["RedrivePolicy"] = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["deadLetterTargetArn"] = RedrivePolicy.DeadLetterTargetArn,
                ["maxReceiveCount"] = RedrivePolicy.MaxReceiveCount,
            });
        }

        if (FifoQueue)
        {
            map["FifoQueue"] = "true";
            map["ContentBasedDeduplication"] = ContentBasedDeduplication ? "true" : "false";
        }

        return map;
    }

    private static string S(TimeSpan value) => ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    private static TimeSpan Seconds(string name, string value, int min, int max) =>
        TimeSpan.FromSeconds(Int(name, value, min, max));

    private static int Int(string name, string value, int min, int max)
    {
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            throw SqsException.InvalidAttributeValue(name, value, $"Must be an integer from {min} to {max}.");
        }

        return n;
    }

    private static bool Bool(string name, string value) => value.ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => throw SqsException.InvalidAttributeValue(name, value, "Must be true or false."),
    };

    private static SqsRedrivePolicy ParseRedrive(string value)
    {
        const string name = "RedrivePolicy";
        try
        {
            using var doc = JsonDocument.Parse(value);
            var root = doc.RootElement;
            if (!root.TryGetProperty("deadLetterTargetArn", out var arn) || arn.ValueKind != JsonValueKind.String)
            {
                throw SqsException.InvalidAttributeValue(name, value, "Redrive policy does not contain mandatory attribute: deadLetterTargetArn.");
            }

            if (!root.TryGetProperty("maxReceiveCount", out var count))
            {
                throw SqsException.InvalidAttributeValue(name, value, "Redrive policy does not contain mandatory attribute: maxReceiveCount.");
            }

            var text = count.ValueKind == JsonValueKind.String ? count.GetString()! : count.GetRawText();
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var max) || max < 1 || max > 1000)
            {
                throw SqsException.InvalidAttributeValue(name, value, "Invalid value for maxReceiveCount: must be an integer from 1 to 1000.");
            }

            return new SqsRedrivePolicy(arn.GetString()!, max);
        }
        catch (JsonException)
        {
            throw SqsException.InvalidAttributeValue(name, value, "Redrive policy is not a valid JSON map.");
        }
    }
}
